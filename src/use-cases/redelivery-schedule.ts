// One app-wide BullMQ job scheduler (a fixed id, so every worker process upserting it keeps one) asks
// GitHub to redeliver failed webhooks every REDELIVERY_EVERY_MINUTES; 0 removes it.
import type { JobQueue } from "../queue/jobs.js";

export const REDELIVERY_SCHEDULER_ID = "redeliver-webhooks";

export async function ensureRedeliverySchedule(queue: JobQueue, everyMs: number): Promise<void> {
  if (everyMs <= 0) {
    await queue.removeScheduler(REDELIVERY_SCHEDULER_ID);
    return;
  }
  await queue.upsertScheduler(REDELIVERY_SCHEDULER_ID, { every: everyMs }, { name: "redeliver-webhooks", data: {} });
}
