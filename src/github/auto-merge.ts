import type { MergeMethod } from "../domain/policy.js";
import type { RepoName } from "./github-reads.js";

export type { RepoName };

export type AutoMergeOutcome =
  | { state: "enabled" }
  | { state: "merged" }
  /** GitHub said no for a reason retrying will not fix; `reason` is written for the check run. */
  | { state: "refused"; reason: string };

export interface AutoMergePullRequest {
  number: number;
  /** GraphQL node id (`node_id` in REST), which the auto-merge mutation takes. */
  nodeId: string;
  /** The head the merge decision was made on: nothing else is ever merged. */
  headSha: string;
}

/**
 * Turns on GitHub's auto-merge for a PR, or merges it right away when there is nothing left to wait for.
 * Idempotent: enabling twice is fine and an already merged PR answers "merged". Known refusals come back
 * as "refused"; anything else (network, 5xx, an unexpected answer) is thrown so the job is retried.
 */
export interface AutoMerger {
  enable(repo: RepoName, pr: AutoMergePullRequest, method: MergeMethod): Promise<AutoMergeOutcome>;
  /**
   * Turns GitHub's auto-merge off again: GitHub keeps it on when someone with write access pushes, so
   * a head the safety rule now refuses (a human commit) must not merge by itself. No-op when it is off.
   */
  disable(pr: AutoMergePullRequest): Promise<void>;
}

export const MISSING_CONTENTS_PERMISSION =
  "merge-discipline needs the Contents: write permission to merge; grant it in the app's settings to use auto-merge";
