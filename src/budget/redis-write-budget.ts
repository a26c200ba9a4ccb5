import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { DEFAULT_KEY_PREFIX } from "../store/redis-keys.js";
import { LuaScript } from "../redis/lua-script.js";
import {
  checkCount, checkLimits, DEFAULT_BUDGET_LIMITS, HOUR_MS, MINUTE_MS,
  type BudgetAnswer, type BudgetLimits, type WriteBudget,
} from "./write-budget.js";

// One sorted set per installation holds the slots of the last hour (score = time taken); the minute
// window is counted inside it. Check and take happen in one script, so processes sharing the Redis can
// never both see the last free slot. Scores and bounds arrive as strings formatted in JS, because Lua
// would print large numbers in exponent form.
const ACQUIRE_SCRIPT = new LuaScript(`
local count = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
local retryAt = 0
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > tonumber(ARGV[1]) then retryAt = paused end
local function freeAt(after, limit, windowMs)
  local surplus = redis.call('ZCOUNT', KEYS[1], '(' .. after, '+inf') + count - limit
  if surplus <= 0 then return 0 end
  local slot = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. after, '+inf', 'WITHSCORES', 'LIMIT', surplus - 1, 1)
  return tonumber(slot[2]) + windowMs
end
retryAt = math.max(retryAt, freeAt(ARGV[4], tonumber(ARGV[5]), ${MINUTE_MS}), freeAt(ARGV[3], tonumber(ARGV[6]), ${HOUR_MS}))
if retryAt > 0 then return {0, retryAt} end
for i = 1, count do redis.call('ZADD', KEYS[1], ARGV[1], ARGV[7] .. ':' .. i) end
redis.call('PEXPIRE', KEYS[1], ${HOUR_MS})
return {1}
`);

// Only ever lengthens a pause: a short pause reported late must not cut a longer one short.
const PAUSE_SCRIPT = new LuaScript(`
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`);

/** Keeps a pause key around a while past its end even when the caller's clock differs from this one. */
const PAUSE_TTL_SLACK_MS = HOUR_MS;
const MAX_PAUSE_TTL_MS = 7 * 24 * HOUR_MS;

export class RedisWriteBudget implements WriteBudget {
  private readonly limits: BudgetLimits;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string = DEFAULT_KEY_PREFIX,
    limits: BudgetLimits = DEFAULT_BUDGET_LIMITS,
  ) {
    this.limits = checkLimits({ ...limits });
  }

  async acquire(installationId: number, count: number, now: number): Promise<BudgetAnswer> {
    checkCount(count, this.limits);
    const at = Math.floor(now);
    const result = await ACQUIRE_SCRIPT.run(this.redis, [this.slotsKey(installationId), this.pauseKey(installationId)], [
      String(at),
      String(count),
      String(at - HOUR_MS),
      String(at - MINUTE_MS),
      String(this.limits.perMinute),
      String(this.limits.perHour),
      randomUUID(),
    ]);
    const [granted, retryAt] = result as [number, number?];
    return granted === 1 ? { granted: true } : { granted: false, retryAt: Number(retryAt) };
  }

  async pauseUntil(installationId: number, until: number): Promise<void> {
    const at = Math.ceil(until);
    // The TTL only collects garbage; whether a pause holds is decided against the caller's `now`.
    const ttl = Math.min(Math.max(at - Date.now(), 0), MAX_PAUSE_TTL_MS) + PAUSE_TTL_SLACK_MS;
    await PAUSE_SCRIPT.run(this.redis, [this.pauseKey(installationId)], [String(at), String(ttl)]);
  }

  async used(installationId: number, now: number): Promise<{ minute: number; hour: number }> {
    const at = Math.floor(now);
    const [minute, hour] = await Promise.all([
      this.redis.zcount(this.slotsKey(installationId), `(${at - MINUTE_MS}`, "+inf"),
      this.redis.zcount(this.slotsKey(installationId), `(${at - HOUR_MS}`, "+inf"),
    ]);
    return { minute, hour };
  }

  async pausedUntil(installationId: number, now: number): Promise<number | null> {
    const stored = await this.redis.get(this.pauseKey(installationId));
    const until = stored === null ? Number.NaN : Number(stored);
    return until > now ? until : null;
  }

  private slotsKey(installationId: number): string {
    return `${this.prefix}:budget:${installationId}:slots`;
  }

  private pauseKey(installationId: number): string {
    return `${this.prefix}:budget:${installationId}:pause`;
  }
}
