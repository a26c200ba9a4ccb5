// "In progress" is not "done": a claim is an expiring lease, and only finished work is marked done.
// A process that dies between claiming and writing leaves a lease that runs out, never a false done.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { LuaScript } from "../redis/lua-script.js";

export type LeaseAnswer = { kind: "leased"; token: string } | { kind: "done" } | { kind: "held"; forMs: number };

/** How long a claim on work in progress holds when nobody finishes or releases it (a crash). */
export const DEFAULT_LEASE_MS = 60_000;

// Done is a key that exists, or (with a member) a member of a set: stages share one set per lineage.
const TAKE_SCRIPT = new LuaScript(`
if ARGV[3] ~= '' then
  if redis.call('SISMEMBER', KEYS[1], ARGV[3]) == 1 then return -1 end
elseif redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
return math.max(redis.call('PTTL', KEYS[2]), 1)
`);

const RELEASE_SCRIPT = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

export interface LeaseKeys {
  done: string;
  /** With a member, `done` is a set and the work is done once the member is in it. */
  member?: string;
  lease: string;
}

export async function takeLease(redis: Redis, keys: LeaseKeys, ms: number): Promise<LeaseAnswer> {
  const token = randomBytes(9).toString("base64url");
  const result = Number(await TAKE_SCRIPT.run(redis, [keys.done, keys.lease], [token, String(ms), keys.member ?? ""]));
  if (result === -1) return { kind: "done" };
  return result === 0 ? { kind: "leased", token } : { kind: "held", forMs: result };
}

/** Gives the lease back only while it is still this holder's: an expired one may belong to another by now. */
export async function releaseLease(redis: Redis, leaseKey: string, token: string): Promise<void> {
  await RELEASE_SCRIPT.run(redis, [leaseKey], [token]);
}
