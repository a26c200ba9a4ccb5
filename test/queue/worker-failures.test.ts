// A job that keeps failing must not fail quietly: its last failure is an error-level log line that says
// where it happened and carries the error, so an operator learns what to fix.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { pino } from "pino";
import { BullMqJobQueue } from "../../src/queue/bullmq-job-queue.js";
import { startWorker } from "../../src/queue/bullmq-worker.js";
import { createAppMetrics } from "../../src/metrics/app-metrics.js";
import { eventually } from "../helpers/app-harness.js";
import { startRedis, type TestRedis } from "../helpers/redis-server.js";

type Line = { level: number; msg: string; job?: string; repo?: string; pr?: number; installationId?: number; err?: { message: string; stack?: string } };

describe("worker: failing jobs", () => {
  let redis: TestRedis;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => redis?.dispose());

  it("warns on a failure that will be retried and logs an error with the cause when it gives up", async () => {
    const lines: Line[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const text of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(text) as Line);
        done();
      },
    });
    const producer = new Redis(redis.url);
    const consumer = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new BullMqJobQueue(producer, "{test-fail}");
    const metrics = createAppMetrics();
    const worker = startWorker({
      connection: consumer,
      concurrency: 1,
      prefix: "{test-fail}",
      metrics,
      log: pino({ level: "info" }, sink),
      handlers: {
        process: async () => {
          throw new Error("write budget: count must be a positive integer, got 0");
        },
        retryAt: async () => null,
      },
    });
    try {
      const data = { ref: { installationId: 7, repoId: 3, number: 12 }, repo: "acme/site", actor: "maria", source: { kind: "button", identifier: "ack", deliveryId: "d-1" } };
      await queue.queue.add("run-command", data, { jobId: "run-command-test", attempts: 2, backoff: { type: "fixed", delay: 10 } });
      const final = await eventually(() => lines.find((line) => line.level === 50), 10_000);
      assert.equal(final.msg, "job failed on its last attempt and was dropped");
      assert.deepEqual([final.job, final.installationId, final.repo, final.pr], ["run-command", 7, "acme/site", 12]);
      assert.match(final.err?.message ?? "", /count must be a positive integer/);
      assert.ok(final.err?.stack, "the stack is kept for the operator");
      const retried = lines.filter((line) => line.level === 40 && line.msg.startsWith("job failed;"));
      assert.equal(retried.length, 1, "the first of two attempts is a warning");
      const counted = async (name: "jobFailures" | "jobRetries") => (await metrics[name].get()).values.map((v) => [v.labels, v.value]);
      assert.deepEqual(await counted("jobFailures"), [[{ kind: "run-command" }, 2]], "both attempts count as failures");
      assert.deepEqual(await counted("jobRetries"), [[{ kind: "run-command", reason: "error" }, 1]], "only the first was retried");
    } finally {
      await worker.close();
      await queue.close();
      producer.disconnect();
      consumer.disconnect();
    }
  });
});
