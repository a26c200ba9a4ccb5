// One job at a time per key (a PR's evaluation, a repo's gate) across every worker process. A job that
// finds the key taken is put back for a moment (RetryLater), not run alongside: two runs reading the same
// state and writing the same check race, and the slower one leaves what it saw last.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { RetryLater } from "./retry-later.js";
import { LuaScript } from "../redis/lua-script.js";

/** Longer than any run should take; a crashed worker's key frees itself after this (CLAIM_LEASE_SECONDS). */
const DEFAULT_LEASE_MS = 120_000;
const RETRY_MS = 1_000;

const RELEASE = new LuaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`);

export async function runExclusive<T>(deps: { redis: Redis; now: () => number; leaseMs?: number }, key: string, run: () => Promise<T>): Promise<T> {
  const ran = await runIfFree(deps, key, async () => ({ value: await run() }));
  if (ran === null) throw new RetryLater(deps.now() + RETRY_MS, "busy");
  return ran.value;
}

/** The same lease, for periodic work: when another process holds the key, this run is skipped (null). */
export async function runIfFree<T>(deps: { redis: Redis; leaseMs?: number }, key: string, run: () => Promise<T>): Promise<T | null> {
  const token = randomUUID();
  if ((await deps.redis.set(key, token, "PX", deps.leaseMs ?? DEFAULT_LEASE_MS, "NX")) !== "OK") return null;
  try {
    return await run();
  } finally {
    await RELEASE.run(deps.redis, [key], [token]);
  }
}
