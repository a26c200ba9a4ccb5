import { refKey, type PullRequestRef } from "../domain/pull-request-record.js";
import type { EvaluationScheduler } from "./evaluation-scheduler.js";

/** The pending evaluations per PR, in maps: for unit tests and dry runs. */
export class MemoryEvaluationScheduler implements EvaluationScheduler {
  /** Timed looks. */
  readonly pending = new Map<string, { at: number; priority: number }>();
  /** PRs asked to be looked at shortly, with the priority asked. */
  readonly requested = new Map<string, number>();

  async soon(ref: PullRequestRef, _repo: string, priority: number): Promise<void> {
    this.requested.set(refKey(ref), priority);
  }

  async schedule(ref: PullRequestRef, _repo: string, at: number | null, priority: number): Promise<void> {
    if (at === null) this.pending.delete(refKey(ref));
    else this.pending.set(refKey(ref), { at, priority });
  }

  async isScheduled(ref: PullRequestRef): Promise<boolean> {
    return this.pending.has(refKey(ref)) || this.requested.has(refKey(ref));
  }
}
