// One contract, two adapters: whatever the in-memory store promises, the Redis store keeps too.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import type { DeliveryLog, PullRequestStore } from "../../src/store/pull-request-store.js";
import { MemoryPullRequestStore } from "../../src/store/memory-pull-request-store.js";
import { MemoryDeliveryLog } from "../../src/store/memory-delivery-log.js";
import { RedisPullRequestStore } from "../../src/store/redis-pull-request-store.js";
import { RedisDeliveryLog } from "../../src/store/redis-delivery-log.js";
import { startRedis, type TestRedis } from "../helpers/redis-server.js";
import { closed, DAY, merged, record, T0, update } from "../helpers/records.js";

const location = { installationId: 1, repoId: 100 };

function contract(name: string, make: () => Promise<{ store: PullRequestStore; deliveries: DeliveryLog }>): void {
  describe(`${name} store`, () => {
    it("keeps a record and lists it per repo, oldest first", async () => {
      const { store } = await make();
      await store.upsert(record({ number: 2, createdAt: T0 + DAY }));
      await store.upsert(record({ number: 1, createdAt: T0 }));
      await store.upsert(record({ number: 3, repoId: 200 }));
      assert.deepEqual((await store.listRepo(location)).map((r) => r.number), [1, 2]);
      assert.equal((await store.get({ ...location, number: 2 }))?.createdAt, T0 + DAY);
      assert.equal(await store.get({ ...location, number: 9 }), null);
    });

    it("never rolls a PR back to an older snapshot", async () => {
      const { store } = await make();
      const open = record({ number: 1 });
      const done = merged(open, T0 + DAY);
      assert.equal(await store.upsert(open), "created");
      assert.equal(await store.upsert(done), "updated");
      assert.equal(await store.upsert(open), "stale");
      assert.equal((await store.get({ ...location, number: 1 }))?.state, "merged");
    });

    it("on a same-second tie, merged or closed beats open, whichever arrives last", async () => {
      const { store } = await make();
      // GitHub's updated_at has whole seconds: a stale "opened" may carry the merge's second.
      const open = { ...record({ number: 1 }), enriched: true };
      await store.upsert(merged(open, open.updatedAt));
      assert.equal(await store.upsert(open), "stale");
      assert.equal((await store.get({ ...location, number: 1 }))?.state, "merged");
      const other = record({ number: 2 });
      await store.upsert(other);
      assert.equal(await store.upsert(closed(other, other.updatedAt)), "updated");
      assert.equal(await store.upsert(other), "stale");
      assert.equal(await store.upsert(merged(other, other.updatedAt)), "updated");
      assert.equal(await store.upsert(closed(other, other.updatedAt)), "stale");
      assert.equal((await store.get({ ...location, number: 2 }))?.state, "merged");
    });

    it("prefers an enriched record over a plain one of the same moment, not the other way round", async () => {
      const { store } = await make();
      const plain = record({ number: 1, update: update({ updateType: "other" }) });
      const enriched = { ...plain, enriched: true, update: update({ updateType: "minor" }) };
      await store.upsert(plain);
      assert.equal(await store.upsert(enriched), "updated");
      assert.equal(await store.upsert(plain), "stale");
      assert.equal((await store.get({ ...location, number: 1 }))?.update.updateType, "minor");
    });

    it("lists a lineage and moves a PR when its lineage key changes", async () => {
      const { store } = await make();
      const a = record({ number: 1 });
      await store.upsert(a);
      await store.upsert(record({ number: 2, createdAt: T0 + DAY }));
      assert.deepEqual((await store.listLineage(location, a.lineageKey)).map((r) => r.number).sort(), [1, 2]);
      await store.upsert({ ...a, updatedAt: a.updatedAt + 1, lineageKey: "other" });
      assert.deepEqual((await store.listLineage(location, a.lineageKey)).map((r) => r.number), [2]);
      assert.deepEqual((await store.listLineage(location, "other")).map((r) => r.number), [1]);
    });

    it("writes nothing for a record it already holds, and makes its repo findable by name", async () => {
      const { store } = await make();
      const open = record({ number: 7 });
      assert.equal(await store.upsert(open), "created");
      assert.equal(await store.upsert({ ...open }), "unchanged");
      assert.equal(await store.upsert({ ...open, title: "Bump lodash to 4.17.22", updatedAt: open.updatedAt + 1000 }), "updated");
      assert.deepEqual(await store.findRepo(open.repo), { installationId: open.installationId, repoId: open.repoId });
      assert.deepEqual(await store.listRepos(open.installationId), [{ repoId: open.repoId, name: open.repo }]);
    });

    it("resolves repo names case-insensitively and follows renames", async () => {
      const { store } = await make();
      await store.nameRepo("Acme/Web", location);
      assert.deepEqual(await store.findRepo("acme/web"), location);
      await store.nameRepo("acme/site", location, "Acme/Web");
      assert.equal(await store.findRepo("acme/web"), null);
      assert.deepEqual(await store.findRepo("ACME/site"), location);
      await store.nameRepo("acme/other", { installationId: 1, repoId: 300 });
      await store.nameRepo("else/where", { installationId: 2, repoId: 400 });
      assert.deepEqual((await store.listRepos(1)).sort((a, b) => a.repoId - b.repoId), [
        { repoId: 100, name: "acme/site" },
        { repoId: 300, name: "acme/other" },
      ]);
    });

    it("caches commits per head SHA", async () => {
      const { store } = await make();
      const commits = [{ message: "Bump x", authorLogin: "dependabot[bot]", verified: true }];
      assert.equal(await store.loadCommits(location, "abc"), null);
      await store.saveCommits(location, "abc", commits);
      assert.deepEqual(await store.loadCommits(location, "abc"), commits);
    });

    it("claims a delivery once while in progress, again after a release, never after it completed", async () => {
      const { deliveries } = await make();
      const first = await deliveries.claim("d-1");
      assert.ok(first);
      assert.equal(await deliveries.claim("d-1"), null, "in progress elsewhere");
      await deliveries.release(first);
      const second = await deliveries.claim("d-1");
      assert.ok(second, "released: a redelivery may try again");
      await deliveries.complete(second);
      assert.equal(await deliveries.claim("d-1"), null, "handled for good");
    });
  });
}

contract("memory", async () => ({ store: new MemoryPullRequestStore(), deliveries: new MemoryDeliveryLog() }));

let redisServer: TestRedis;
let client: Redis;
let prefixCounter = 0;
before(async () => {
  redisServer = await startRedis();
  client = new Redis(redisServer.url);
});
after(async () => {
  client.disconnect();
  await redisServer.dispose();
});
contract("redis", async () => {
  // A fresh hash-tagged prefix per test keeps tests independent on one server.
  const prefix = `{test-${++prefixCounter}}`;
  return { store: new RedisPullRequestStore(client, prefix), deliveries: new RedisDeliveryLog(client, prefix) };
});

describe("redis delivery log", () => {
  it("lets a redelivery in once the claim of a process that died mid-way ran out", async () => {
    const deliveries = new RedisDeliveryLog(client, `{test-lease-${++prefixCounter}}`, 150);
    assert.ok(await deliveries.claim("d-1"));
    // The holder never completes nor releases: it was killed.
    assert.equal(await deliveries.claim("d-1"), null);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const retry = await deliveries.claim("d-1");
    assert.ok(retry);
    await deliveries.complete(retry);
    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal(await deliveries.claim("d-1"), null, "done does not run out with the lease");
  });
});
