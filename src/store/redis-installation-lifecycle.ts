import type { Redis } from "ioredis";
import type { Blocked, InstallationLifecycle } from "./installation-lifecycle.js";
import { redisKeys, type RedisKeys } from "./redis-keys.js";

/** Long enough to outlive every retry (BullMQ's backoff) and GitHub's redelivery window (7 days on GHES). */
export const TOMBSTONE_TTL_SECONDS = 8 * 24 * 3600;

export class RedisInstallationLifecycle implements InstallationLifecycle {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix?: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  async blocked(installationId: number, repoId: number | null): Promise<Blocked | null> {
    // Plain reads, not a MULTI: they need no atomicity, and they leave in the same write as the
    // webhook's other reads (auto-pipelining does not batch transactions).
    const [deleted, suspended, removed] = await Promise.all([
      this.redis.exists(this.keys.tombstone(installationId)),
      this.redis.exists(this.keys.suspended(installationId)),
      repoId === null ? 0 : this.redis.sismember(this.keys.removedRepos(installationId), String(repoId)),
    ]);
    if (deleted === 1) return "deleted";
    if (suspended === 1) return "suspended";
    return removed === 1 ? "removed" : null;
  }

  async markDeleted(installationId: number): Promise<void> {
    await this.redis.set(this.keys.tombstone(installationId), String(Date.now()), "EX", TOMBSTONE_TTL_SECONDS);
  }

  async setSuspended(installationId: number, suspended: boolean): Promise<void> {
    if (suspended) await this.redis.set(this.keys.suspended(installationId), String(Date.now()));
    else await this.redis.del(this.keys.suspended(installationId));
  }

  async setRemoved(installationId: number, repoIds: number[], removed: boolean): Promise<void> {
    if (repoIds.length === 0) return;
    const key = this.keys.removedRepos(installationId);
    const members = repoIds.map(String);
    if (removed) await this.redis.sadd(key, ...members);
    else await this.redis.srem(key, ...members);
  }
}
