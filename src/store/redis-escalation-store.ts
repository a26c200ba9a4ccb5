import type { Redis } from "ioredis";
import type { PullRequestRef } from "../domain/pull-request-record.js";
import type { EscalationStore, Snooze } from "./escalation-store.js";
import type { RepoLocation } from "./pull-request-store.js";
import { DEFAULT_KEY_PREFIX } from "./redis-keys.js";

/** Escalation history outlives the PR (its lineage may continue in a successor), but not forever. */
const HISTORY_TTL_SECONDS = 400 * 24 * 3600;

export class RedisEscalationStore implements EscalationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string = DEFAULT_KEY_PREFIX,
  ) {}

  private stagesKey(l: RepoLocation, lineageId: string): string {
    return `${this.prefix}:repo:${l.installationId}:${l.repoId}:stages:${lineageId}`;
  }

  private snoozeKey(ref: PullRequestRef): string {
    return `${this.prefix}:repo:${ref.installationId}:${ref.repoId}:pr:${ref.number}:snooze`;
  }

  async doneStages(location: RepoLocation, lineageId: string): Promise<Set<string>> {
    return new Set(await this.redis.smembers(this.stagesKey(location, lineageId)));
  }

  async claimStages(location: RepoLocation, lineageId: string, stageIds: string[]): Promise<string[]> {
    if (stageIds.length === 0) return [];
    const key = this.stagesKey(location, lineageId);
    const tx = this.redis.multi();
    for (const id of stageIds) tx.sadd(key, id);
    tx.expire(key, HISTORY_TTL_SECONDS);
    const results = (await tx.exec()) ?? [];
    return stageIds.filter((_, i) => results[i]?.[1] === 1);
  }

  async releaseStages(location: RepoLocation, lineageId: string, stageIds: string[]): Promise<void> {
    if (stageIds.length > 0) await this.redis.srem(this.stagesKey(location, lineageId), ...stageIds);
  }

  async snooze(ref: PullRequestRef): Promise<Snooze | null> {
    const json = await this.redis.get(this.snoozeKey(ref));
    return json ? (JSON.parse(json) as Snooze) : null;
  }

  async setSnooze(ref: PullRequestRef, snooze: Snooze | null): Promise<void> {
    if (snooze === null) await this.redis.del(this.snoozeKey(ref));
    else await this.redis.set(this.snoozeKey(ref), JSON.stringify(snooze));
  }
}
