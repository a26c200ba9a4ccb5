import type { PullRequestRef } from "../domain/pull-request-record.js";
import type { CiState } from "../github/github-reads.js";
import type { ReviewFact } from "../domain/review-approval.js";

export interface PrState {
  /** CI of a head SHA, read while `ciEpoch` had the value `epoch`; a new head starts unknown. */
  ci: { sha: string; state: CiState; epoch?: number } | null;
  /** Bumped by every CI event: a read that began before the event cannot be kept as current. */
  ciEpoch: number | null;
  acknowledged: { by: string; at: number } | null;
  autoMerge: { state: "off" | "enabled" | "merged" | "refused"; reason: string | null; sha: string } | null;
  /** Fingerprint of the last check run written per head SHA, so an unchanged check costs no API call. */
  check: { sha: string; fingerprint: string } | null;
}

export const EMPTY_PR_STATE: PrState = { ci: null, ciEpoch: null, acknowledged: null, autoMerge: null, check: null };

/** The standing review of each reviewer (kept apart from `PrState`: reviews arrive concurrently, one per reviewer). */
export interface PrReviews {
  reviews: ReviewFact[];
}

/** Small per-PR facts gathered after recording: CI, acknowledgement, auto-merge, what the check shows. */
export interface PrStateStore {
  get(ref: PullRequestRef): Promise<PrState & PrReviews>;
  /** Keeps `review` as its reviewer's standing review unless a later one is already kept (see `supersedes`). */
  recordReview(ref: PullRequestRef, review: ReviewFact): Promise<void>;
  set<K extends keyof PrState>(ref: PullRequestRef, field: K, value: PrState[K]): Promise<void>;
}

/** A CI event arrived for the PR's head: the cached CI, and any read of it still in flight, are out of date. */
export async function forgetCi(store: PrStateStore, ref: PullRequestRef): Promise<void> {
  const { ciEpoch } = await store.get(ref);
  await store.set(ref, "ciEpoch", (ciEpoch ?? 0) + 1);
  await store.set(ref, "ci", null);
}
