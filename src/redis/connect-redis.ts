import { Redis, type RedisOptions } from "ioredis";

export class RedisUnavailableError extends Error {}

/** Passwords in REDIS_URL never reach a log line or an error message. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable REDIS_URL)";
  }
}

/**
 * Commands fail at once while Redis is away (no offline queue), so a webhook is answered 500 in
 * milliseconds and stays redeliverable, instead of hanging past GitHub's 10 s. Reconnection goes on forever.
 */
export const FAIL_FAST: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 3_000, enableAutoPipelining: true };

/** BullMQ workers must wait for Redis instead of failing blocking commands. */
export const FOR_WORKERS: RedisOptions = { maxRetriesPerRequest: null, connectTimeout: 3_000 };

export async function connectRedis(url: string, options: RedisOptions = FAIL_FAST): Promise<Redis> {
  const redis = new Redis(url, { ...options, lazyConnect: true });
  redis.on("error", () => {
    // ioredis reports every failed reconnect here; readiness and command errors already say it.
  });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new RedisUnavailableError(
      `Redis is not reachable at ${redactRedisUrl(url)} (${reason}). Start it (e.g. "redis-server --daemonize yes" or "docker compose up -d redis") or point REDIS_URL at one.`,
    );
  }
}
