import type { Redis } from "ioredis";
import type { PullRequestRef } from "../domain/pull-request-record.js";
import { EMPTY_PR_STATE, type PrState, type PrStateStore } from "./pr-state-store.js";
import { DEFAULT_KEY_PREFIX } from "./redis-keys.js";

export class RedisPrStateStore implements PrStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string = DEFAULT_KEY_PREFIX,
  ) {}

  private key(ref: PullRequestRef): string {
    return `${this.prefix}:repo:${ref.installationId}:${ref.repoId}:pr:${ref.number}:state`;
  }

  async get(ref: PullRequestRef): Promise<PrState> {
    const fields = await this.redis.hgetall(this.key(ref));
    const state: PrState = { ...EMPTY_PR_STATE };
    for (const name of Object.keys(EMPTY_PR_STATE) as Array<keyof PrState>) {
      const json = fields[name];
      if (json) (state as unknown as Record<string, unknown>)[name] = JSON.parse(json);
    }
    return state;
  }

  async set<K extends keyof PrState>(ref: PullRequestRef, field: K, value: PrState[K]): Promise<void> {
    if (value === null) await this.redis.hdel(this.key(ref), field);
    else await this.redis.hset(this.key(ref), field, JSON.stringify(value));
  }
}
