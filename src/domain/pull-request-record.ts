import type { PullRequestPeople } from "./pull-request-snapshot.js";
import type { RecognisedUpdate } from "./types.js";

export type PullRequestState = "open" | "merged" | "closed";

/** Identifies one pull request of one installation; repo ids survive renames, names do not. */
export interface PullRequestRef {
  installationId: number;
  repoId: number;
  number: number;
}

/** The small domain record kept per recognised PR; the webhook payload is dropped once this is built. */
export interface PullRequestRecord extends PullRequestRef {
  repo: string;
  update: RecognisedUpdate;
  author: string;
  title: string;
  headRef: string;
  headSha: string;
  state: PullRequestState;
  /** Epoch milliseconds, from GitHub's own timestamps (not from when the app saw the event). */
  createdAt: number;
  updatedAt: number;
  mergedAt: number | null;
  closedAt: number | null;
  lineageKey: string;
  /** True once the commit metadata was read, so a later snapshot knows not to ask again. */
  enriched: boolean;
  people: PullRequestPeople;
  nodeId: string;
  draft: boolean;
  mergeable: boolean | null;
  /** The base branch; absent on records kept before it was (then read from GitHub when needed). */
  baseRef?: string;
}

export function stateOf(merged: boolean, closedAt: number | null): PullRequestState {
  if (merged) return "merged";
  return closedAt === null ? "open" : "closed";
}

export function refKey(ref: PullRequestRef): string {
  return `${ref.installationId}:${ref.repoId}:${ref.number}`;
}
