import type { PullRequestRef } from "../domain/pull-request-record.js";
import type { CiState } from "../github/github-reads.js";

export interface PrState {
  /** CI of a head SHA; a new head starts unknown. */
  ci: { sha: string; state: CiState } | null;
  acknowledged: { by: string; at: number } | null;
  autoMerge: { state: "off" | "enabled" | "merged" | "refused"; reason: string | null; sha: string } | null;
  /** Fingerprint of the last check run written per head SHA, so an unchanged check costs no API call. */
  check: { sha: string; fingerprint: string } | null;
}

export const EMPTY_PR_STATE: PrState = { ci: null, acknowledged: null, autoMerge: null, check: null };

/** Small per-PR facts gathered after recording: CI, acknowledgement, auto-merge, what the check shows. */
export interface PrStateStore {
  get(ref: PullRequestRef): Promise<PrState>;
  set<K extends keyof PrState>(ref: PullRequestRef, field: K, value: PrState[K]): Promise<void>;
}
