// What the PR check run and the `status` command are rendered from. The caller gathers it (store, GitHub
// reads, the escalation plan); the renderers only read it.
import type { EscalationPlan } from "../escalation.js";
import type { Policy } from "../policy.js";
import type { PullRequestRecord } from "../pull-request-record.js";
import type { Approval } from "../review-approval.js";

import type { CiState } from "../ci-state.js";
export type { CiState };

export interface SnoozeState {
  until: number;
  /** Login of who snoozed. */
  by: string;
  reason: string;
}

export interface Acknowledgement {
  by: string;
  at: number;
}

export interface AutoMergeState {
  state: "off" | "enabled" | "merged" | "refused";
  reason: string | null;
}

/** The facts both renderers share; the status command may not know mergeability, acknowledgement or auto-merge. */
export interface PrFacts {
  record: PullRequestRecord;
  plan: EscalationPlan;
  policy: Policy;
  lineageStartedAt: number;
  now: number;
  ci: CiState;
  snooze: SnoozeState | null;
  mergeable?: boolean | null;
  acknowledged?: Acknowledgement | null;
  autoMerge?: AutoMergeState;
  /** Where GitHub's web pages are (a GHES host); github.com when not given. */
  webUrl?: string;
  /** Who approved it (null: nobody, or someone asks for changes); unknown to the status command. */
  approval?: Approval | null;
}

export interface PrCheckInput extends PrFacts {
  mergeable: boolean | null;
  acknowledged: Acknowledgement | null;
  autoMerge: AutoMergeState;
  approval: Approval | null;
}

/** Approved on its current head and still open: a human already said yes, only the merge is missing. */
export function approvedOpen({ record, approval }: PrFacts): Approval | null {
  return record.state === "open" && approval && !approval.stale ? approval : null;
}

/** An open PR past its SLA; a class without an SLA (infinite) is never overdue. */
export function isOverdue({ record, plan, now }: PrFacts): boolean {
  return record.state === "open" && Number.isFinite(plan.dueAt) && now >= plan.dueAt;
}

/** A snooze counts only while it lasts: an expired one is history, not state. */
export function activeSnooze({ snooze, now }: PrFacts): SnoozeState | null {
  return snooze !== null && snooze.until > now ? snooze : null;
}
