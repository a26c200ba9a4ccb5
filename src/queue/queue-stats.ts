// How much work waits in the shared queue, read from BullMQ's own Redis structures at scrape time.
import type { Queue } from "bullmq";

export const QUEUE_STATES = ["waiting", "prioritized", "delayed", "active", "failed", "completed"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface QueueStats {
  counts: Record<QueueState, number>;
  /** Seconds the longest-waiting runnable job has been ready to run; 0 when none waits. */
  oldestWaitingSeconds: number;
}

export async function readQueueStats(queue: Queue, now: number): Promise<QueueStats> {
  const counts = (await queue.getJobCounts(...QUEUE_STATES)) as Record<QueueState, number>;
  // FIFO jobs: the oldest is at the far end of the wait list; prioritized ones are ordered by priority, so
  // their first few are a sample, not a guarantee (a low-priority job may wait longer unseen).
  const [waiting, prioritized] = await Promise.all([queue.getJobs(["waiting"], 0, 0, true), queue.getJobs(["prioritized"], 0, 9, true)]);
  // A delayed job becomes ready at timestamp + delay; it has waited only since then.
  const readySince = [...waiting, ...prioritized].filter(Boolean).map((job) => job.timestamp + (job.delay ?? 0));
  const oldest = readySince.length === 0 ? now : Math.min(...readySince);
  return { counts, oldestWaitingSeconds: Math.max(0, (now - oldest) / 1000) };
}
