import type { GitHubReads } from "../../src/github/github-reads.js";

/** GitHub reads for unit tests: each method fails loudly unless the test provides it. */
export function stubGitHubReads(overrides: Partial<GitHubReads>): GitHubReads {
  const missing = (name: string) => async (): Promise<never> => {
    throw new Error(`unexpected GitHub read in this test: ${name}`);
  };
  return {
    listPullRequestCommits: missing("listPullRequestCommits"),
    listPullRequestFiles: missing("listPullRequestFiles"),
    readFile: missing("readFile"),
    lastCommitTouching: missing("lastCommitTouching"),
    listDependabotAlerts: missing("listDependabotAlerts"),
    permissionOf: missing("permissionOf"),
    isTeamMember: missing("isTeamMember"),
    ciState: missing("ciState"),
    listOpenPullRequests: missing("listOpenPullRequests"),
    listPullRequestsPage: missing("listPullRequestsPage"),
    getPullRequest: missing("getPullRequest"),
    listInstallationRepos: missing("listInstallationRepos"),
    ...overrides,
  };
}
