// One pending evaluation per PR and kind: scheduling again replaces the waiting job, so a PR that
// changes ten times has one job waiting, at the right moment. Stale jobs that slip through are
// harmless: evaluation is idempotent and claims each stage before posting it.
import type { PullRequestRef } from "../domain/pull-request-record.js";
import type { SlaClass } from "../domain/policy.js";
import type { JobQueue } from "./jobs.js";

const PRIORITY: Record<SlaClass, number> = {
  "security.critical": 1,
  "security.high": 2,
  "security.moderate": 3,
  "security.low": 4,
  "security.unknown": 3,
  major: 6,
  minor: 7,
  patch: 8,
  other: 9,
};

/** Writes wait in this order when the budget is spent: critical security first. */
export function priorityOf(slaClass: SlaClass | null): number {
  return slaClass ? PRIORITY[slaClass] : 5;
}

export interface EvaluationScheduler {
  /**
   * Look at the PR shortly (something about it changed): every call within the debounce window folds
   * into one evaluation, so a burst of ten events costs one.
   */
  soon(ref: PullRequestRef, repo: string, priority: number): Promise<void>;
  /** The PR's next timed look at `at`, replacing the previous one (null: none any more, e.g. it merged). */
  schedule(ref: PullRequestRef, repo: string, at: number | null, priority: number): Promise<void>;
  /** False when the PR's chain of evaluations died (nothing pending, or its job failed for good). */
  isScheduled(ref: PullRequestRef): Promise<boolean>;
}

/** Long enough for a push's burst of webhooks (synchronize, labeled, check suites) to arrive. */
export const DEFAULT_DEBOUNCE_MS = 2_000;

/**
 * Two BullMQ deduplication keys per PR, so the two kinds never overwrite each other: "soon" (events,
 * debounced: each one pushes the pending look back) and "next" (the ladder's own next look). A job added
 * while one of its key runs waits behind it, so an event arriving mid-evaluation is looked at again.
 */
export class QueueEvaluationScheduler implements EvaluationScheduler {
  constructor(
    private readonly queue: JobQueue,
    private readonly now: () => number,
    private readonly debounceMs: number = DEFAULT_DEBOUNCE_MS,
  ) {}

  async soon(ref: PullRequestRef, repo: string, priority: number): Promise<void> {
    const at = this.now() + this.debounceMs;
    await this.queue.add({ name: "evaluate-pull-request", data: { ref, repo, at } }, { at, priority, dedupe: dedupeKey("soon", ref) });
  }

  async isScheduled(ref: PullRequestRef): Promise<boolean> {
    for (const kind of ["next", "soon"] as const) {
      const jobId = await this.queue.dedupedJobId(dedupeKey(kind, ref));
      if (jobId !== null && (await this.queue.isAlive(jobId))) return true;
    }
    return false;
  }

  async schedule(ref: PullRequestRef, repo: string, at: number | null, priority: number): Promise<void> {
    if (at === null) {
      await this.queue.removePending(dedupeKey("next", ref));
      return;
    }
    await this.queue.add({ name: "evaluate-pull-request", data: { ref, repo, at } }, { at, priority, dedupe: dedupeKey("next", ref) });
  }
}

function dedupeKey(kind: "soon" | "next", ref: PullRequestRef): string {
  return `evaluate-${kind}-${ref.installationId}-${ref.repoId}-${ref.number}`;
}
