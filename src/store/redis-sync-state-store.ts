import type { Redis } from "ioredis";
import type { RepoLocation } from "./pull-request-store.js";
import { redisKeys, type RedisKeys } from "./redis-keys.js";
import type { OpenPullsSeen, SyncStateStore } from "./sync-state-store.js";

export class RedisSyncStateStore implements SyncStateStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix?: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  async openPulls(location: RepoLocation): Promise<OpenPullsSeen | null> {
    const json = await this.redis.hget(this.keys.sync(location), "open-pulls");
    return json ? (JSON.parse(json) as OpenPullsSeen) : null;
  }

  async saveOpenPulls(location: RepoLocation, seen: OpenPullsSeen | null): Promise<void> {
    if (seen) await this.redis.hset(this.keys.sync(location), "open-pulls", JSON.stringify(seen));
    else await this.redis.hdel(this.keys.sync(location), "open-pulls");
  }
}
