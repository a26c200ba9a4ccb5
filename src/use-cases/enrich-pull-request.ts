// Use case "title and body left it open": read the commits once (Dependabot's YAML metadata lives in
// the commit message), cache them by head SHA, and record the PR again with the fuller picture.
import type { PullRequestSnapshot } from "../domain/pull-request-snapshot.js";
import { splitFullName, type GitHubForInstallation } from "../github/github-reads.js";
import { recordPullRequest, type RecordDeps, type RecordOutcome } from "./record-pull-request.js";

export interface EnrichDeps extends RecordDeps {
  github: GitHubForInstallation;
}

export async function enrichPullRequest(deps: EnrichDeps, snapshot: PullRequestSnapshot): Promise<RecordOutcome> {
  const location = { installationId: snapshot.ref.installationId, repoId: snapshot.ref.repoId };
  if (!(await deps.store.loadCommits(location, snapshot.headSha))) {
    const github = await deps.github(snapshot.ref.installationId);
    const commits = await github.listPullRequestCommits(splitFullName(snapshot.repo), snapshot.ref.number);
    await deps.store.saveCommits(location, snapshot.headSha, commits);
  }
  return recordPullRequest(deps, snapshot);
}
