// Owners to mention, read from GitHub only when a stage actually mentions them.
import { codeownersFor, parseCodeowners } from "../domain/codeowners.js";
import { chooseOwners, type OwnerChoice } from "../domain/owners.js";
import type { Policy } from "../domain/policy.js";
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import type { GitHubReads } from "../github/github-reads.js";
import { splitFullName } from "../github/github-reads.js";

const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

/** The file a dependency update is about: its manifest or lock file, else whatever changed first. */
const MANIFEST = /(^|\/)(package(-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|requirements[^/]*\.txt|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(\.lock)?|Gemfile(\.lock)?|pom\.xml|build\.gradle(\.kts)?|go\.(mod|sum)|Cargo\.(toml|lock)|composer\.(json|lock)|[^/]*\.csproj|packages\.config|Dockerfile[^/]*|[^/]*\.tf|\.github\/workflows\/[^/]+\.ya?ml|mix\.(exs|lock)|pubspec\.(yaml|lock))$/;

export async function resolveOwners(github: GitHubReads, record: PullRequestRecord, policy: Policy): Promise<OwnerChoice> {
  const { people } = record;
  const hasPeople = people.requestedReviewers.length + people.requestedTeams.length + people.assignees.length > 0;
  let codeowners: string[] = [];
  if (!hasPeople && policy.owners.codeowners) {
    const repo = splitFullName(record.repo);
    const files = await github.listPullRequestFiles(repo, record.number);
    const target = files.find((f) => MANIFEST.test(f)) ?? files[0];
    if (target) {
      for (const path of CODEOWNERS_PATHS) {
        const file = await github.readFile(repo, path);
        if (file) {
          codeowners = codeownersFor(parseCodeowners(file.text), target);
          break;
        }
      }
    }
  }
  return chooseOwners({
    requestedReviewers: people.requestedReviewers,
    requestedTeams: people.requestedTeams,
    assignees: people.assignees,
    codeowners,
    configured: policy.owners,
    useCodeowners: policy.owners.codeowners,
  });
}
