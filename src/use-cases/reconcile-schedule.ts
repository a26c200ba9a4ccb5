// One daily reconciliation per installation, a BullMQ job scheduler upserted by a fixed id (like the
// digest's). The minute is spread by installation id so a thousand installations do not start at once.
import type { JobQueue } from "../queue/jobs.js";

export const reconcileSchedulerId = (installationId: number): string => `reconcile-${installationId}`;

export function reconcileScheduleOf(installationId: number): { pattern: string; tz: string } {
  return { pattern: `${installationId % 60} ${3 + (Math.floor(installationId / 60) % 3)} * * *`, tz: "UTC" };
}

export async function ensureReconcileSchedule(queue: JobQueue, installationId: number): Promise<void> {
  await queue.upsertScheduler(reconcileSchedulerId(installationId), reconcileScheduleOf(installationId), {
    name: "reconcile-installation",
    data: { installationId },
  });
}
