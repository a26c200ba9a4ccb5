import type { RepoLocation } from "./pull-request-store.js";
import type { PullRequestRef } from "../domain/pull-request-record.js";

export interface Snooze {
  until: number;
  by: string;
  reason: string;
  at: number;
}

/**
 * What the escalation ladder has done per lineage, and snoozes per PR. A stage is claimed before it
 * is posted, so two workers evaluating one PR at once can never both post it.
 */
export interface EscalationStore {
  doneStages(location: RepoLocation, lineageId: string): Promise<Set<string>>;
  /** Claims the stages for this lineage; returns those this caller claimed (not claimed before). */
  claimStages(location: RepoLocation, lineageId: string, stageIds: string[]): Promise<string[]>;
  /** Gives back claims whose posting failed, so a retry can post them. */
  releaseStages(location: RepoLocation, lineageId: string, stageIds: string[]): Promise<void>;
  snooze(ref: PullRequestRef): Promise<Snooze | null>;
  setSnooze(ref: PullRequestRef, snooze: Snooze | null): Promise<void>;
}
