// What the redelivery job remembers between runs: where it stopped (the newest `delivered_at` it saw),
// and every guid it asked GitHub to redeliver (a sorted set by when, kept past GitHub's window, so an
// event is asked for once however many runs see its failed attempts).
import type { Redis } from "ioredis";
import { redisKeys, type RedisKeys } from "./redis-keys.js";

const DAY_MS = 24 * 3600_000;

export class RedisRedeliveryState {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    /** How long an asked guid is remembered: GitHub's window and a day. */
    private readonly keepMs: number,
    prefix?: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  async cursor(): Promise<number | null> {
    const value = await this.redis.get(this.keys.redeliveryCursor);
    return value === null || !Number.isFinite(Number(value)) ? null : Number(value);
  }

  /** Never moves back: a slow run finishing after a newer one leaves the newer mark. */
  async saveCursor(deliveredAt: number): Promise<void> {
    const current = await this.cursor();
    if (current !== null && current >= deliveredAt) return;
    await this.redis.set(this.keys.redeliveryCursor, String(deliveredAt), "PX", this.keepMs + DAY_MS);
  }

  async asked(): Promise<Set<string>> {
    return new Set(await this.redis.zrange(this.keys.redeliveryAsked, "0", "-1"));
  }

  async markAsked(guid: string, at: number): Promise<void> {
    await this.redis
      .multi()
      .zadd(this.keys.redeliveryAsked, String(at), guid)
      .zremrangebyscore(this.keys.redeliveryAsked, "-inf", String(at - this.keepMs))
      .pexpire(this.keys.redeliveryAsked, this.keepMs)
      .exec();
  }

  /** The guids the app's own delivery log marks handled (`delivery:{guid}`, see redis-delivery-log). */
  async handled(guids: readonly string[]): Promise<Set<string>> {
    if (guids.length === 0) return new Set();
    const pipeline = this.redis.pipeline();
    for (const guid of guids) pipeline.exists(this.keys.delivery(guid));
    const answers = (await pipeline.exec()) ?? [];
    return new Set(guids.filter((_, i) => answers[i]?.[1] === 1));
  }

  leaseKey(): string {
    return this.keys.redeliveryRunning;
  }

  static keepMsFor(windowMs: number): number {
    return windowMs + DAY_MS;
  }
}
