// Standing reviews per reviewer, on the in-memory and the Redis PR state store alike: a late delivery of an
// older review never overwrites a newer one, a dismissal replaces its own approval, comments change nothing.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import type { ReviewFact } from "../../src/domain/review-approval.js";
import { MemoryPrStateStore } from "../../src/store/memory-pr-state-store.js";
import type { PrStateStore } from "../../src/store/pr-state-store.js";
import { RedisInstallationData } from "../../src/store/redis-installation-data.js";
import { RedisPrStateStore } from "../../src/store/redis-pr-state-store.js";
import { startRedis, type TestRedis } from "../helpers/redis-server.js";

const REF = { installationId: 1, repoId: 10, number: 3 };
const review = (reviewer: string, state: ReviewFact["state"], submittedAt: number): ReviewFact => ({ reviewer, state, submittedAt, commitId: "abc" });

describe("PR state store: reviews", () => {
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

  const stores: Array<[string, () => PrStateStore]> = [
    ["memory", () => new MemoryPrStateStore()],
    ["redis", () => new RedisPrStateStore(redis)],
  ];
  for (const [name, make] of stores) {
    it(`keeps each reviewer's latest non-comment review (${name})`, async () => {
      const store = make();
      await store.recordReview(REF, review("maria", "APPROVED", 2000));
      await store.recordReview(REF, review("Maria", "CHANGES_REQUESTED", 1000));
      await store.recordReview(REF, review("maria", "COMMENTED", 3000));
      await store.recordReview(REF, review("li", "APPROVED", 1500));
      assert.deepEqual((await store.get(REF)).reviews.map((r) => [r.reviewer, r.state]).sort(), [["li", "APPROVED"], ["maria", "APPROVED"]]);
      await store.recordReview(REF, review("maria", "DISMISSED", 2000));
      assert.deepEqual((await store.get(REF)).reviews.find((r) => r.reviewer === "maria")?.state, "DISMISSED");
    });
  }

  it("is deleted with the repository's other data", async () => {
    const store = new RedisPrStateStore(redis);
    await store.recordReview(REF, review("maria", "APPROVED", 2000));
    await new RedisInstallationData(redis).forgetRepo({ installationId: 1, repoId: 10 });
    assert.deepEqual((await store.get(REF)).reviews, []);
  });
});
