// One BullMQ job scheduler per installation publishes the weekly digest. Its cron and time zone come from
// the organisation's config; upserting by a fixed id keeps exactly one, across processes and restarts.
import type { Redis } from "ioredis";
import type { JobQueue } from "../queue/jobs.js";
import { ensureReconcileSchedule } from "./reconcile-schedule.js";

export const DEFAULT_DIGEST_SCHEDULE = { pattern: "0 9 * * 1", tz: "UTC" };

const installationsKey = "{merge-discipline}:installations";
const scheduleKey = (installationId: number): string => `{merge-discipline}:installation:${installationId}:digest-schedule`;

export async function ensureDigestSchedule(
  deps: { queue: JobQueue; redis: Redis },
  installationId: number,
  schedule: { pattern: string; tz: string },
): Promise<void> {
  const current = await deps.redis.get(scheduleKey(installationId));
  if (current === JSON.stringify(schedule)) return;
  await deps.queue.upsertScheduler(`digest-${installationId}`, schedule, { name: "publish-digest", data: { installationId } });
  await deps.redis.multi().sadd(installationsKey, String(installationId)).set(scheduleKey(installationId), JSON.stringify(schedule)).exec();
}

export async function isKnownInstallation(redis: Redis, installationId: number): Promise<boolean> {
  return (await redis.sismember(installationsKey, String(installationId))) === 1;
}

/** On the webhook path: a first sight of an installation registers its digest with the default schedule. */
export async function registerInstallation(deps: { queue: JobQueue; redis: Redis }, installationId: number, known?: boolean): Promise<void> {
  if (known ?? (await isKnownInstallation(deps.redis, installationId))) return;
  await ensureReconcileSchedule(deps.queue, installationId);
  await ensureDigestSchedule(deps, installationId, DEFAULT_DIGEST_SCHEDULE);
}

/** At worker start: make sure every known installation has its schedulers (digest, reconciliation) (e.g. after Redis lost the queue). */
export async function restoreDigestSchedules(deps: { queue: JobQueue; redis: Redis }): Promise<void> {
  for (const id of await deps.redis.smembers(installationsKey)) {
    const stored = await deps.redis.get(scheduleKey(Number(id)));
    const schedule = stored ? (JSON.parse(stored) as { pattern: string; tz: string }) : DEFAULT_DIGEST_SCHEDULE;
    await deps.queue.upsertScheduler(`digest-${id}`, schedule, { name: "publish-digest", data: { installationId: Number(id) } });
    await ensureReconcileSchedule(deps.queue, Number(id));
  }
}

/** Every installation that ever had a recognised PR. */
export async function knownInstallations(redis: Redis): Promise<number[]> {
  return (await redis.smembers(installationsKey)).map(Number).filter(Number.isSafeInteger).sort((x, y) => x - y);
}
