// One pending evaluation per PR: scheduling a new time replaces the old job, so a PR that changes
// ten times has one job waiting, at the right moment. Stale jobs that slip through are harmless:
// evaluation is idempotent and claims each stage before posting it.
import type { Redis } from "ioredis";
import type { PullRequestRef } from "../domain/pull-request-record.js";
import type { SlaClass } from "../domain/policy.js";
import { jobIdOf, type JobQueue } from "./jobs.js";
import { DEFAULT_KEY_PREFIX } from "../store/redis-keys.js";

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
  /** Evaluate the PR at `at` (null: nothing pending any more, e.g. it merged). */
  schedule(ref: PullRequestRef, repo: string, at: number | null, priority: number): Promise<void>;
  /** False when the PR's chain of evaluations died (nothing pending, or its job failed for good). */
  isScheduled(ref: PullRequestRef): Promise<boolean>;
}

export class QueueEvaluationScheduler implements EvaluationScheduler {
  constructor(
    private readonly queue: JobQueue,
    private readonly redis: Redis,
    private readonly prefix: string = DEFAULT_KEY_PREFIX,
  ) {}

  private pendingKey(ref: PullRequestRef): string {
    return `${this.prefix}:repo:${ref.installationId}:${ref.repoId}:pr:${ref.number}:pending-evaluation`;
  }

  async isScheduled(ref: PullRequestRef): Promise<boolean> {
    const jobId = await this.redis.get(this.pendingKey(ref));
    return jobId !== null && (await this.queue.isAlive(jobId));
  }

  async schedule(ref: PullRequestRef, repo: string, at: number | null, priority: number): Promise<void> {
    const previous = await this.redis.get(this.pendingKey(ref));
    let next: string | null = null;
    if (at !== null) {
      const job = { name: "evaluate-pull-request" as const, data: { ref, repo, at } };
      next = jobIdOf(job);
      await this.queue.add(job, { at, priority });
      await this.redis.set(this.pendingKey(ref), next);
    } else {
      await this.redis.del(this.pendingKey(ref));
    }
    if (previous && previous !== next) await this.queue.removePending(previous);
  }
}
