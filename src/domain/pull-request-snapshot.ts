import type { PullRequestRef } from "./pull-request-record.js";
import type { PullRequestFacts } from "./types.js";

/** One moment of a PR as a webhook or the API showed it: what recognition reads plus its lifecycle. */
export interface PullRequestSnapshot {
  ref: PullRequestRef;
  repo: string;
  facts: PullRequestFacts;
  headSha: string;
  merged: boolean;
  createdAt: number;
  updatedAt: number;
  mergedAt: number | null;
  closedAt: number | null;
  people: PullRequestPeople;
  /** GraphQL id, for enabling auto-merge. */
  nodeId: string;
  draft: boolean;
  /** GitHub computes mergeability lazily: null means "not known yet". */
  mergeable: boolean | null;
  /** The branch it merges into, whose required checks count for CI. */
  baseRef?: string;
}

/** Who GitHub says is on the PR: the first choice of owners to mention. Teams are "org/slug". */
export interface PullRequestPeople {
  requestedReviewers: string[];
  requestedTeams: string[];
  assignees: string[];
}
