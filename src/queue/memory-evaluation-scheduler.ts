import { refKey, type PullRequestRef } from "../domain/pull-request-record.js";
import type { EvaluationScheduler } from "./evaluation-scheduler.js";

/** The pending evaluation per PR, in a map: for unit tests and dry runs. */
export class MemoryEvaluationScheduler implements EvaluationScheduler {
  readonly pending = new Map<string, { at: number; priority: number }>();

  async schedule(ref: PullRequestRef, _repo: string, at: number | null, priority: number): Promise<void> {
    if (at === null) this.pending.delete(refKey(ref));
    else this.pending.set(refKey(ref), { at, priority });
  }

  async isScheduled(ref: PullRequestRef): Promise<boolean> {
    return this.pending.has(refKey(ref));
  }
}
