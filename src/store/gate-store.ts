import type { Redis } from "ioredis";
import type { RepoLocation } from "./pull-request-store.js";
import { DEFAULT_KEY_PREFIX } from "./redis-keys.js";

/** What the gate check last showed on each head SHA of a repo: unchanged → no API call; none → never gated. */
export interface GateStore {
  shown(location: RepoLocation): Promise<Map<string, string>>;
  remember(location: RepoLocation, sha: string, fingerprint: string): Promise<void>;
}

export class RedisGateStore implements GateStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string = DEFAULT_KEY_PREFIX,
  ) {}

  private key(l: RepoLocation): string {
    return `${this.prefix}:repo:${l.installationId}:${l.repoId}:gate-checks`;
  }

  async shown(location: RepoLocation): Promise<Map<string, string>> {
    return new Map(Object.entries(await this.redis.hgetall(this.key(location))));
  }

  async remember(location: RepoLocation, sha: string, fingerprint: string): Promise<void> {
    await this.redis.hset(this.key(location), sha, fingerprint);
  }
}

export class MemoryGateStore implements GateStore {
  private readonly data = new Map<string, Map<string, string>>();

  async shown(location: RepoLocation): Promise<Map<string, string>> {
    return new Map(this.data.get(`${location.installationId}:${location.repoId}`) ?? []);
  }

  async remember(location: RepoLocation, sha: string, fingerprint: string): Promise<void> {
    const key = `${location.installationId}:${location.repoId}`;
    this.data.set(key, new Map([...(this.data.get(key) ?? []), [sha, fingerprint]]));
  }
}
