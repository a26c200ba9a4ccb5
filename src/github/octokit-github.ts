import type { ProbotOctokit } from "probot";
import type { DependabotAlert } from "../domain/dependabot-alert.js";
import { commitFromRest } from "../domain/commit-facts.js";
import type { CommitInfo } from "../domain/types.js";
import { alertFromJson } from "./dependabot-alert-json.js";
import type { CiHead, CiState, GitHubReads, OpenPullRequest, PullListQuery, PullPage, RepoFile, RepoName, RepoPermission } from "./github-reads.js";
import { ciStateOf } from "../domain/ci-state.js";
import { readCiReports } from "./octokit-ci-reports.js";
import { OWN_CHECK_NAMES } from "./own-check-names.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

const status = (error: unknown): number | undefined => (error as { status?: number }).status;

export class OctokitGitHub implements GitHubReads {
  constructor(private readonly octokit: Octokit) {}

  /** Every page: GitHub lists at most 250 commits per PR, which the auto-merge rule takes as "cannot be proven". */
  async listPullRequestCommits(repo: RepoName, number: number): Promise<CommitInfo[]> {
    const data = await this.octokit.paginate(this.octokit.rest.pulls.listCommits, { ...repo, pull_number: number, per_page: 100 });
    return data.map((c) => commitFromRest(c));
  }

  async listPullRequestFiles(repo: RepoName, number: number): Promise<string[]> {
    const files = await this.octokit.paginate(this.octokit.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 });
    return files.map((f) => f.filename);
  }

  async readFile(repo: RepoName, path: string): Promise<RepoFile | null> {
    try {
      const { data } = await this.octokit.rest.repos.getContent({ ...repo, path });
      if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return null;
      return { sha: data.sha, text: Buffer.from(data.content, "base64").toString("utf8") };
    } catch (error) {
      if (status(error) === 404) return null;
      throw error;
    }
  }

  async lastCommitTouching(repo: RepoName, path: string): Promise<string | null> {
    const { data } = await this.octokit.rest.repos.listCommits({ ...repo, path, per_page: 1 });
    return data[0]?.sha ?? null;
  }

  async listDependabotAlerts(repo: RepoName): Promise<DependabotAlert[] | null> {
    try {
      const alerts = await this.octokit.paginate(this.octokit.rest.dependabot.listAlertsForRepo, { ...repo, per_page: 100 });
      return alerts.map(alertFromJson).filter((a): a is DependabotAlert => a !== null);
    } catch (error) {
      // 403: alerts are off for the repo or the permission was not granted; 404: not available.
      if (status(error) === 403 || status(error) === 404) return null;
      throw error;
    }
  }

  async permissionOf(repo: RepoName, login: string): Promise<RepoPermission> {
    try {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
      // role_name knows "maintain" and "triage"; the legacy `permission` folds them into write/read.
      const role = (data as { role_name?: string }).role_name ?? data.permission;
      return (["admin", "maintain", "write", "triage", "read"].includes(role) ? role : "none") as RepoPermission;
    } catch (error) {
      if (status(error) === 404) return "none";
      throw error;
    }
  }

  async isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean> {
    try {
      const { data } = await this.octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: teamSlug, username: login });
      return data.state === "active";
    } catch (error) {
      if (status(error) === 404) return false;
      throw error;
    }
  }

  async ciState(repo: RepoName, head: CiHead, ownAppSlug: string): Promise<CiState> {
    // Records from before base branches were kept do not know theirs: GitHub does.
    const baseRef = head.baseRef ?? (await this.octokit.rest.pulls.get({ ...repo, pull_number: head.number })).data.base.ref;
    const reports = await readCiReports(this.octokit, repo, head.sha, baseRef);
    if (reports === null) return "unknown";
    return ciStateOf({ ...reports, ownApp: { slug: ownAppSlug, checkNames: OWN_CHECK_NAMES } });
  }

  async listOpenPullRequests(repo: RepoName): Promise<OpenPullRequest[]> {
    const pulls = await this.octokit.paginate(this.octokit.rest.pulls.list, { ...repo, state: "open", per_page: 100 });
    return pulls.map((pr) => ({ number: pr.number, headSha: pr.head.sha }));
  }

  async listPullRequestsPage(repo: RepoName, query: PullListQuery): Promise<PullPage> {
    const { etag, ...params } = query;
    try {
      const response = await this.octokit.rest.pulls.list({
        ...repo,
        ...params,
        per_page: 100,
        ...(etag ? { headers: { "if-none-match": etag } } : {}),
      });
      const next = /rel="next"/.test(response.headers.link ?? "");
      return { kind: "page", pulls: response.data, next, etag: response.headers.etag ?? null };
    } catch (error) {
      if (status(error) === 304) return { kind: "not-modified" };
      throw error;
    }
  }

  async getPullRequest(repo: RepoName, number: number): Promise<unknown> {
    try {
      return (await this.octokit.rest.pulls.get({ ...repo, pull_number: number })).data;
    } catch (error) {
      if (status(error) === 404) return null;
      throw error;
    }
  }

  async listInstallationRepos(): Promise<Array<{ repoId: number; name: string }>> {
    const repos = await this.octokit.paginate(this.octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
    return repos.map((r) => ({ repoId: r.id, name: r.full_name }));
  }
}
