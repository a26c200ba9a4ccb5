import type { Redis } from "ioredis";
import type { PullRequestRef } from "../domain/pull-request-record.js";
import type { EscalationStore, Snooze, StageClaim } from "./escalation-store.js";
import type { RepoLocation } from "./pull-request-store.js";
import { DEFAULT_KEY_PREFIX } from "./redis-keys.js";
import { DEFAULT_LEASE_MS, releaseLease, takeLease } from "./redis-lease.js";

/** Escalation history outlives the PR (its lineage may continue in a successor), but not forever. */
const HISTORY_TTL_SECONDS = 400 * 24 * 3600;

export class RedisEscalationStore implements EscalationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string = DEFAULT_KEY_PREFIX,
    private readonly leaseMs = DEFAULT_LEASE_MS,
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

  /** The done set keeps its key of old, so stages posted before leases existed stay done. */
  private leaseKey(l: RepoLocation, lineageId: string, stageId: string): string {
    return `${this.stagesKey(l, lineageId)}:lease:${stageId}`;
  }

  async claimStages(location: RepoLocation, lineageId: string, stageIds: string[]): Promise<StageClaim> {
    const claim: StageClaim = { leases: [], heldForMs: null };
    const done = this.stagesKey(location, lineageId);
    for (const stageId of stageIds) {
      const answer = await takeLease(this.redis, { done, member: stageId, lease: this.leaseKey(location, lineageId, stageId) }, this.leaseMs);
      if (answer.kind === "leased") claim.leases.push({ stageId, token: answer.token });
      if (answer.kind === "held") claim.heldForMs = Math.max(claim.heldForMs ?? 0, answer.forMs);
    }
    return claim;
  }

  async completeStages(location: RepoLocation, lineageId: string, claim: StageClaim): Promise<void> {
    if (claim.leases.length === 0) return;
    const key = this.stagesKey(location, lineageId);
    await this.redis.multi().sadd(key, ...claim.leases.map((l) => l.stageId)).expire(key, HISTORY_TTL_SECONDS).exec();
    await this.releaseStages(location, lineageId, claim);
  }

  async releaseStages(location: RepoLocation, lineageId: string, claim: StageClaim): Promise<void> {
    for (const { stageId, token } of claim.leases) await releaseLease(this.redis, this.leaseKey(location, lineageId, stageId), token);
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
