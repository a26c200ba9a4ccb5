import type { Redis } from "ioredis";
import type { PolicyStore, StoredPolicy } from "./policy-store.js";
import type { RepoLocation } from "./pull-request-store.js";
import { DEFAULT_KEY_PREFIX } from "./redis-keys.js";

export class RedisPolicyStore implements PolicyStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string = DEFAULT_KEY_PREFIX,
  ) {}

  private key(installationId: number): string {
    return `${this.prefix}:installation:${installationId}:policies`;
  }

  async get(location: RepoLocation): Promise<StoredPolicy | null> {
    const json = await this.redis.hget(this.key(location.installationId), String(location.repoId));
    return json ? (JSON.parse(json) as StoredPolicy) : null;
  }

  async save(location: RepoLocation, stored: StoredPolicy): Promise<void> {
    await this.redis.hset(this.key(location.installationId), String(location.repoId), JSON.stringify(stored));
  }

  async invalidateInstallation(installationId: number): Promise<void> {
    const key = this.key(installationId);
    const entries = await this.redis.hgetall(key);
    const tx = this.redis.multi();
    for (const [repoId, json] of Object.entries(entries)) {
      tx.hset(key, repoId, JSON.stringify({ ...(JSON.parse(json) as StoredPolicy), loadedAt: 0 }));
    }
    await tx.exec();
  }
}
