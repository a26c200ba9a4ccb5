// Over budget, jobs wait as delayed jobs (nothing dropped, no failure counted) and then run
// in priority order: critical security first.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { pino } from "pino";
import { BullMqJobQueue } from "../../src/queue/bullmq-job-queue.js";
import { startWorker } from "../../src/queue/bullmq-worker.js";
import type { Job } from "../../src/queue/jobs.js";
import { RetryLater } from "../../src/queue/retry-later.js";
import { createAppMetrics } from "../../src/metrics/app-metrics.js";
import { eventually } from "../helpers/app-harness.js";
import { startRedis, type TestRedis } from "../helpers/redis-server.js";

describe("worker: RetryLater", () => {
  let redis: TestRedis;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => redis?.dispose());

  it("delays refused jobs and then runs them by priority, each once", async () => {
    const producer = new Redis(redis.url);
    const consumer = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new BullMqJobQueue(producer, "{test-retry}");
    const ran: number[] = [];
    const refused = new Set<number>();
    const releaseAt = Date.now() + 1_000;
    const metrics = createAppMetrics();
    const number = (job: Job): number => (job.name === "evaluate-pull-request" ? job.data.ref.number : -1);
    const worker = startWorker({
      connection: consumer,
      concurrency: 1,
      prefix: "{test-retry}",
      log: pino({ level: "silent" }),
      metrics,
      handlers: {
        process: async (job) => {
          if (Date.now() < releaseAt) {
            refused.add(number(job));
            throw new RetryLater(releaseAt, "write budget");
          }
          ran.push(number(job));
        },
        retryAt: async (error) => (error instanceof RetryLater ? error.at : null),
      },
    });
    try {
      const add = (n: number, priority: number) =>
        queue.add({ name: "evaluate-pull-request", data: { ref: { installationId: 1, repoId: 1, number: n }, repo: "a/b", at: n } }, { priority });
      await add(8, 8); // patch
      await add(1, 1); // critical security
      await add(6, 6); // major
      await eventually(() => ran.length === 3, 10_000);
      assert.deepEqual([...refused].sort(), [1, 6, 8], "every job was refused once, none dropped");
      assert.deepEqual(ran, [1, 6, 8]);
      const failed = await queue.queue.getFailedCount();
      assert.equal(failed, 0, "waiting for the budget is not a failure");
      const retries = (await metrics.jobRetries.get()).values;
      assert.deepEqual(retries.map((v) => [v.labels, v.value]), [[{ kind: "evaluate-pull-request", reason: "write_budget" }, 3]]);
      assert.equal((await metrics.jobFailures.get()).values.length, 0, "no failure counted");
    } finally {
      await worker.close();
      await queue.close();
      producer.disconnect();
      consumer.disconnect();
    }
  });
});
