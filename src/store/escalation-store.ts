import type { RepoLocation } from "./pull-request-store.js";
import type { PullRequestRef } from "../domain/pull-request-record.js";

export interface Snooze {
  until: number;
  by: string;
  reason: string;
  at: number;
}

/** Stages this caller holds a lease on, and how long another holder keeps the rest (null: none is held). */
export interface StageClaim {
  leases: Array<{ stageId: string; token: string }>;
  heldForMs: number | null;
}

export const claimedIds = (claim: StageClaim): string[] => claim.leases.map((l) => l.stageId);

/**
 * What the escalation ladder has done per lineage, and snoozes per PR. A stage is leased before it is
 * posted, so two workers evaluating one PR at once never both post it; it is done only once GitHub
 * accepted it, so a process that dies in between leaves a lease that runs out, not a lost nudge.
 */
export interface EscalationStore {
  doneStages(location: RepoLocation, lineageId: string): Promise<Set<string>>;
  /** Leases the stages of this lineage that are neither done nor leased by someone else. */
  claimStages(location: RepoLocation, lineageId: string, stageIds: string[]): Promise<StageClaim>;
  /** Marks the claimed stages done, for good. */
  completeStages(location: RepoLocation, lineageId: string, claim: StageClaim): Promise<void>;
  /** Gives back leases whose posting failed, so a retry can post them. */
  releaseStages(location: RepoLocation, lineageId: string, claim: StageClaim): Promise<void>;
  snooze(ref: PullRequestRef): Promise<Snooze | null>;
  setSnooze(ref: PullRequestRef, snooze: Snooze | null): Promise<void>;
}
