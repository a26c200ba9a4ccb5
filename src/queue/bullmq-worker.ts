import { DelayedError, Worker, type Job as BullJob } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { DEFAULT_KEY_PREFIX } from "../store/redis-keys.js";
import { QUEUE_NAME, type Job } from "./jobs.js";

export interface JobHandlers {
  process(job: Job): Promise<void>;
  /** When a failed job may run again without counting as a failure (budget, rate limit); null: a real failure. */
  retryAt(error: unknown, job: Job): Promise<number | null>;
}

/** Runs queued jobs; several processes may run one each on the same Redis, BullMQ hands each job to one. */
export function startWorker(options: {
  connection: Redis;
  handlers: JobHandlers;
  concurrency: number;
  log: Logger;
  prefix?: string;
}): Worker {
  const { handlers, log } = options;
  const worker = new Worker(
    QUEUE_NAME,
    async (bullJob: BullJob, token?: string) => {
      const job = { name: bullJob.name, data: bullJob.data } as Job;
      try {
        await handlers.process(job);
      } catch (error) {
        const at = await handlers.retryAt(error, job);
        if (at === null) throw error;
        log.info({ job: job.name, jobId: bullJob.id, until: new Date(at).toISOString() }, "job waits for the write budget or a rate limit");
        await bullJob.moveToDelayed(at, token);
        throw new DelayedError();
      }
    },
    { connection: options.connection, concurrency: options.concurrency, prefix: options.prefix ?? DEFAULT_KEY_PREFIX },
  );
  worker.on("failed", (job, error) => {
    log.warn(
      { job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: { message: error.message } },
      "job failed; BullMQ retries it with backoff",
    );
  });
  worker.on("error", (error) => {
    log.error({ err: { message: error.message } }, "worker connection error");
  });
  return worker;
}
