import type { DependabotAlert } from "../domain/dependabot-alert.js";
import type { CommitInfo } from "../domain/types.js";

export interface RepoName {
  owner: string;
  repo: string;
}

export interface RepoFile {
  sha: string;
  text: string;
}

/** The GitHub reads use cases need; the Octokit adapter implements it, tests may fake it. */
export interface GitHubReads {
  listPullRequestCommits(repo: RepoName, number: number): Promise<CommitInfo[]>;
  listPullRequestFiles(repo: RepoName, number: number): Promise<string[]>;
  /** A file on the default branch, or null when it does not exist. */
  readFile(repo: RepoName, path: string): Promise<RepoFile | null>;
  /** The newest commit on the default branch that touched `path`, or null. */
  lastCommitTouching(repo: RepoName, path: string): Promise<string | null>;
  /** All of the repo's Dependabot alerts; null when alerts are off for the repo or the app may not read them. */
  listDependabotAlerts(repo: RepoName): Promise<DependabotAlert[] | null>;
  /** The user's permission on the repo ("none" when not a collaborator). */
  permissionOf(repo: RepoName, login: string): Promise<RepoPermission>;
  isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean>;
  /** CI on a PR's head: other apps' check runs, commit statuses and the base branch's required checks (see domain/ci-state). */
  ciState(repo: RepoName, head: CiHead, ownAppSlug: string): Promise<CiState>;
  listOpenPullRequests(repo: RepoName): Promise<OpenPullRequest[]>;
  /** One page (100) of the repo's PRs as GitHub's REST JSON; with `etag`, a conditional request. */
  listPullRequestsPage(repo: RepoName, query: PullListQuery): Promise<PullPage>;
  /** One PR as GitHub's REST JSON, or null when it is gone. */
  getPullRequest(repo: RepoName, number: number): Promise<unknown>;
  /** Every repository the installation can see. */
  listInstallationRepos(): Promise<Array<{ repoId: number; name: string }>>;
}

export interface PullListQuery {
  state: "open" | "closed" | "all";
  sort: "created" | "updated";
  direction: "asc" | "desc";
  page: number;
  /** From an earlier answer: GitHub answers 304 (free of rate limit) when nothing changed. */
  etag?: string | null;
}

export type PullPage = { kind: "not-modified" } | { kind: "page"; pulls: unknown[]; next: boolean; etag: string | null };

import type { CiState } from "../domain/ci-state.js";
export type { CiState };
export type RepoPermission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface CiHead {
  sha: string;
  number: number;
  /** The PR's base branch, whose required checks count; null when not known (read from the PR). */
  baseRef: string | null;
}

export interface OpenPullRequest {
  number: number;
  headSha: string;
}

export type GitHubForInstallation = (installationId: number) => Promise<GitHubReads>;

export function splitFullName(fullName: string): RepoName {
  const [owner = "", repo = ""] = fullName.split("/");
  return { owner, repo };
}
