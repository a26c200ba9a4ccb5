// The backfill's cursor and run in Redis: one run per installation at a time, finished exactly once.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { RedisBackfillStore } from "../../src/store/redis-backfill-store.js";
import { startRedis, type TestRedis } from "../helpers/redis-server.js";

describe("Redis backfill store", () => {
  let server: TestRedis;
  let redis: Redis;
  before(async () => {
    server = await startRedis();
    redis = new Redis(server.url);
  });
  after(async () => {
    redis?.disconnect();
    await server?.dispose();
  });

  it("joins an unfinished run, and finishes it exactly once when every repo is done", async () => {
    const store = new RedisBackfillStore(redis, "{t1}");
    const [a, b] = await Promise.all([store.begin(1, "installed", 1000), store.begin(1, "cli", 2000)]);
    assert.equal(a.runId, b.runId, "two triggers at once share one run");
    const added = await store.addRepos(1, a.runId, [{ repoId: 10, name: "acme/a" }, { repoId: 11, name: "acme/b" }]);
    assert.deepEqual(added.map((r) => [r.repoId, r.phase, r.page]), [[10, "alerts", 1], [11, "alerts", 1]]);
    assert.deepEqual(await store.addRepos(1, a.runId, [{ repoId: 10, name: "acme/a" }]), [], "a repo joins a run once");
    await store.save(1, { ...added[0]!, phase: "done" });
    assert.equal(await store.settle(1, a.runId, 3000), false, "acme/b is not done");
    await store.save(1, { ...added[1]!, phase: "done" });
    const settled = await Promise.all([store.settle(1, a.runId, 3000), store.settle(1, a.runId, 3001)]);
    assert.deepEqual(settled.sort(), [false, true]);
    assert.equal((await store.run(1))?.finishedAt, 3000);
    const next = await store.begin(1, "repos-added", 4000);
    assert.notEqual(next.runId, a.runId, "a finished run is not joined");
    assert.deepEqual((await store.run(1))?.repos, []);
  });

  it("a run waiting only for dropped repos is done", async () => {
    const store = new RedisBackfillStore(redis, "{t2}");
    const { runId } = await store.begin(2, "installed", 1000);
    await store.addRepos(2, runId, [{ repoId: 20, name: "acme/x" }]);
    await store.dropRepos(2, [20]);
    assert.equal(await store.settle(2, runId, 2000), true);
  });

  it("keeps the first look at a repo unless told to overwrite it (unsuspend)", async () => {
    const store = new RedisBackfillStore(redis, "{t3}");
    await store.setQuietBefore(3, [30], 1000, false);
    await store.setQuietBefore(3, [30], 2000, false);
    assert.equal(await store.quietBefore({ installationId: 3, repoId: 30 }), 1000);
    await store.setQuietBefore(3, [30], 3000, true);
    assert.equal(await store.quietBefore({ installationId: 3, repoId: 30 }), 3000);
  });
});
