import type { Redis } from "ioredis";
import type { DependabotAlert } from "../domain/dependabot-alert.js";
import type { AlertStore } from "./alert-store.js";
import type { RepoLocation } from "./pull-request-store.js";
import { DEFAULT_KEY_PREFIX } from "./redis-keys.js";

export class RedisAlertStore implements AlertStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string = DEFAULT_KEY_PREFIX,
  ) {}

  private key(l: RepoLocation): string {
    return `${this.prefix}:repo:${l.installationId}:${l.repoId}:alerts`;
  }

  async list(location: RepoLocation): Promise<DependabotAlert[]> {
    const values = await this.redis.hvals(this.key(location));
    return values.map((json) => JSON.parse(json) as DependabotAlert).sort((a, b) => a.number - b.number);
  }

  async replaceAll(location: RepoLocation, alerts: DependabotAlert[], now: number): Promise<void> {
    const key = this.key(location);
    const tx = this.redis.multi().del(key);
    for (const alert of alerts) tx.hset(key, String(alert.number), JSON.stringify(alert));
    tx.set(`${key}:synced-at`, String(now));
    await tx.exec();
  }

  async upsert(location: RepoLocation, alert: DependabotAlert): Promise<void> {
    await this.redis.hset(this.key(location), String(alert.number), JSON.stringify(alert));
  }

  async syncedAt(location: RepoLocation): Promise<number | null> {
    const value = await this.redis.get(`${this.key(location)}:synced-at`);
    return value === null ? null : Number(value);
  }
}
