// One contract, two adapters: the in-memory budget and the Redis one grant and refuse alike.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { HOUR_MS, MINUTE_MS, type WriteBudget } from "../../src/budget/write-budget.js";
import { MemoryWriteBudget } from "../../src/budget/memory-write-budget.js";
import { RedisWriteBudget } from "../../src/budget/redis-write-budget.js";
import { startRedis, type TestRedis } from "../helpers/redis-server.js";

const T0 = Date.parse("2026-11-02T09:00:00Z");
const SECOND = 1000;

async function take(budget: WriteBudget, installationId: number, times: number, now: number): Promise<void> {
  for (let i = 0; i < times; i++) assert.deepEqual(await budget.acquire(installationId, 1, now), { granted: true }, `slot ${i + 1}`);
}

function contract(name: string, make: () => WriteBudget): void {
  describe(`${name} write budget`, () => {
    it("grants 80 writes a minute, then says when the oldest slots free up", async () => {
      const budget = make();
      await take(budget, 1, 40, T0);
      await take(budget, 1, 40, T0 + 10 * SECOND);
      assert.deepEqual(await budget.acquire(1, 1, T0 + 20 * SECOND), { granted: false, retryAt: T0 + MINUTE_MS });
      assert.deepEqual(await budget.acquire(1, 41, T0 + 20 * SECOND), { granted: false, retryAt: T0 + 10 * SECOND + MINUTE_MS });
      assert.deepEqual(await budget.acquire(1, 1, T0 + MINUTE_MS - 1), { granted: false, retryAt: T0 + MINUTE_MS });
      assert.deepEqual(await budget.acquire(1, 40, T0 + MINUTE_MS), { granted: true });
      assert.deepEqual(await budget.acquire(1, 1, T0 + MINUTE_MS), { granted: false, retryAt: T0 + 10 * SECOND + MINUTE_MS });
    });

    it("grants 500 writes an hour across minutes", async () => {
      const budget = make();
      assert.deepEqual(await budget.acquire(1, 10, T0), { granted: true });
      for (let minute = 1; minute <= 6; minute++) assert.deepEqual(await budget.acquire(1, 80, T0 + minute * MINUTE_MS), { granted: true });
      assert.deepEqual(await budget.acquire(1, 10, T0 + 7 * MINUTE_MS), { granted: true });
      assert.deepEqual(await budget.acquire(1, 1, T0 + 8 * MINUTE_MS), { granted: false, retryAt: T0 + HOUR_MS });
      // 11 slots need minute 0's ten and the first of minute 1 to age out.
      assert.deepEqual(await budget.acquire(1, 11, T0 + 8 * MINUTE_MS), { granted: false, retryAt: T0 + MINUTE_MS + HOUR_MS });
      assert.deepEqual(await budget.acquire(1, 10, T0 + HOUR_MS), { granted: true });
      assert.deepEqual(await budget.acquire(1, 1, T0 + HOUR_MS + 30 * SECOND), { granted: false, retryAt: T0 + MINUTE_MS + HOUR_MS });
    });

    it("takes several slots all or none", async () => {
      const budget = make();
      await take(budget, 1, 79, T0);
      assert.deepEqual(await budget.acquire(1, 2, T0 + SECOND), { granted: false, retryAt: T0 + MINUTE_MS });
      assert.deepEqual(await budget.acquire(1, 1, T0 + SECOND), { granted: true });
      assert.deepEqual(await budget.acquire(1, 1, T0 + SECOND), { granted: false, retryAt: T0 + MINUTE_MS });
    });

    it("refuses with an error a request that could never fit, instead of a retry time", async () => {
      const budget = make();
      await assert.rejects(budget.acquire(1, 81, T0), /at most 80 fit/);
      await assert.rejects(budget.acquire(1, 0, T0), /positive integer/);
      await assert.rejects(budget.acquire(1, 1.5, T0), /positive integer/);
      assert.deepEqual(await budget.acquire(1, 80, T0), { granted: true });
    });

    it("keeps installations apart", async () => {
      const budget = make();
      await take(budget, 1, 80, T0);
      assert.equal((await budget.acquire(1, 1, T0)).granted, false);
      assert.deepEqual(await budget.acquire(2, 80, T0), { granted: true });
    });

    it("reports the slots held in each window, per installation, without taking any", async () => {
      const budget = make();
      await take(budget, 1, 3, T0);
      await take(budget, 1, 2, T0 + 2 * MINUTE_MS);
      await take(budget, 2, 1, T0);
      assert.deepEqual(await budget.used(1, T0 + 2 * MINUTE_MS + SECOND), { minute: 2, hour: 5 });
      assert.deepEqual(await budget.used(1, T0 + 2 * MINUTE_MS + SECOND), { minute: 2, hour: 5 });
      assert.deepEqual(await budget.used(1, T0 + HOUR_MS + SECOND), { minute: 0, hour: 2 });
      assert.deepEqual(await budget.used(2, T0 + SECOND), { minute: 1, hour: 1 });
      assert.deepEqual(await budget.used(3, T0), { minute: 0, hour: 0 });
    });

    it("refuses a paused installation until the pause ends, and never shortens a pause", async () => {
      const budget = make();
      assert.equal(await budget.pausedUntil(1, T0), null);
      await budget.pauseUntil(1, T0 + 30 * SECOND);
      await budget.pauseUntil(1, T0 + 10 * SECOND);
      assert.equal(await budget.pausedUntil(1, T0), T0 + 30 * SECOND);
      assert.deepEqual(await budget.acquire(1, 1, T0), { granted: false, retryAt: T0 + 30 * SECOND });
      assert.deepEqual(await budget.acquire(2, 1, T0), { granted: true });
      assert.equal(await budget.pausedUntil(1, T0 + 30 * SECOND), null);
      assert.deepEqual(await budget.acquire(1, 1, T0 + 30 * SECOND), { granted: true });
    });

    it("answers the later of pause end and free slots when both hold", async () => {
      const budget = make();
      await take(budget, 1, 80, T0);
      await budget.pauseUntil(1, T0 + 5 * SECOND);
      assert.deepEqual(await budget.acquire(1, 1, T0 + SECOND), { granted: false, retryAt: T0 + MINUTE_MS });
      await budget.pauseUntil(1, T0 + 2 * MINUTE_MS);
      assert.deepEqual(await budget.acquire(1, 1, T0 + SECOND), { granted: false, retryAt: T0 + 2 * MINUTE_MS });
    });
  });
}

contract("memory", () => new MemoryWriteBudget());

let redisServer: TestRedis;
const clients: Redis[] = [];
let prefixCounter = 0;
before(async () => {
  redisServer = await startRedis();
  for (let i = 0; i < 4; i++) clients.push(new Redis(redisServer.url));
});
after(async () => {
  for (const c of clients) c.disconnect();
  await redisServer.dispose();
});
// A fresh hash-tagged prefix per test keeps tests independent on one server.
const nextPrefix = (): string => `{budget-test-${++prefixCounter}}`;
contract("redis", () => new RedisWriteBudget(clients[0]!, nextPrefix()));

describe("redis write budget across processes", () => {
  it("never over-grants to concurrent acquirers on several connections", async () => {
    const prefix = nextPrefix();
    const budgets = clients.map((c) => new RedisWriteBudget(c, prefix));
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => budgets[i % budgets.length]!.acquire(1, 1, T0 + (i % 7))));
    assert.equal(answers.filter((a) => a.granted).length, 80);
    const batches = await Promise.all(Array.from({ length: 50 }, (_, i) => budgets[i % budgets.length]!.acquire(2, 3, T0)));
    assert.equal(batches.filter((a) => a.granted).length, 26);
    assert.equal(await clients[0]!.zcard(`${prefix}:budget:2:slots`), 78);
  });

  it("keeps one member per slot even within one millisecond, under the prefix, expiring after an hour of silence", async () => {
    const prefix = nextPrefix();
    const budget = new RedisWriteBudget(clients[0]!, prefix);
    assert.deepEqual(await budget.acquire(7, 80, T0), { granted: true });
    await budget.pauseUntil(7, Date.now() + MINUTE_MS);
    const keys = (await clients[0]!.keys(`${prefix}:*`)).sort();
    assert.deepEqual(keys, [`${prefix}:budget:7:pause`, `${prefix}:budget:7:slots`]);
    assert.equal(await clients[0]!.zcard(`${prefix}:budget:7:slots`), 80);
    const ttl = await clients[0]!.pttl(`${prefix}:budget:7:slots`);
    assert.ok(ttl > HOUR_MS - MINUTE_MS && ttl <= HOUR_MS, `slots ttl ${ttl}`);
    const pauseTtl = await clients[0]!.pttl(`${prefix}:budget:7:pause`);
    assert.ok(pauseTtl > MINUTE_MS && pauseTtl <= MINUTE_MS + HOUR_MS + SECOND, `pause ttl ${pauseTtl}`);
  });

  it("takes custom limits", async () => {
    const budget = new RedisWriteBudget(clients[0]!, nextPrefix(), { perMinute: 2, perHour: 3 });
    assert.deepEqual(await budget.acquire(1, 2, T0), { granted: true });
    assert.deepEqual(await budget.acquire(1, 1, T0 + SECOND), { granted: false, retryAt: T0 + MINUTE_MS });
    assert.deepEqual(await budget.acquire(1, 1, T0 + MINUTE_MS), { granted: true });
    assert.deepEqual(await budget.acquire(1, 1, T0 + 2 * MINUTE_MS), { granted: false, retryAt: T0 + HOUR_MS });
    await assert.rejects(budget.acquire(1, 3, T0), /at most 2 fit/);
    assert.throws(() => new RedisWriteBudget(clients[0]!, nextPrefix(), { perMinute: 0, perHour: 3 }), /perMinute/);
  });
});
