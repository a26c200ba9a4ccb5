import { DelayedError, Worker, type Job as BullJob } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { DEFAULT_KEY_PREFIX } from "../store/redis-keys.js";
import { jobLogFields, QUEUE_NAME, type Job } from "./jobs.js";
import { settlesWithin } from "../async/time-limit.js";
import type { AppMetrics } from "../metrics/app-metrics.js";
import { RetryLater } from "./retry-later.js";

export type JobMetrics = Pick<AppMetrics, "jobDuration" | "jobFailures" | "jobRetries">;

export interface JobHandlers {
  /** `log` has the job, its id and where it works (installation, repo, PR) bound. */
  process(job: Job, log: Logger): Promise<void>;
  /** When a failed job may run again without counting as a failure (budget, rate limit); null: a real failure. */
  retryAt(error: unknown, job: Job, log: Logger): Promise<number | null>;
}

export interface JobWorker {
  /**
   * Stops taking jobs, lets running ones finish for up to `graceMs`, then closes. Past the grace, running jobs
   * are left to their lock's expiry: another worker retries them, and every job is idempotent.
   */
  close(graceMs?: number): Promise<void>;
}

/** Runs queued jobs; several processes may run one each on the same Redis, BullMQ hands each job to one. */
export function startWorker(options: {
  connection: Redis;
  handlers: JobHandlers;
  concurrency: number;
  log: Logger;
  metrics: JobMetrics;
  prefix?: string;
  /** BullMQ renews a running job's lock; when its worker died, the job is taken up again after about this. */
  lockMs?: number;
}): JobWorker {
  const { handlers, log, metrics } = options;
  const running = new Set<Promise<void>>();
  const worker = new Worker(
    QUEUE_NAME,
    async (bullJob: BullJob, token?: string) => {
      const run = runJob(bullJob, token);
      running.add(run);
      try {
        await run;
      } finally {
        running.delete(run);
      }
    },
    {
      connection: options.connection,
      concurrency: options.concurrency,
      prefix: options.prefix ?? DEFAULT_KEY_PREFIX,
      lockDuration: options.lockMs ?? 30_000,
      stalledInterval: options.lockMs ?? 30_000,
    },
  );

  async function runJob(bullJob: BullJob, token: string | undefined): Promise<void> {
    const job = { name: bullJob.name, data: bullJob.data } as Job;
    const kind = job.name;
    const jobLog = log.child(jobBindings(bullJob));
    const timer = metrics.jobDuration.startTimer({ kind });
    try {
      await handlers.process(job, jobLog);
      timer({ outcome: "done" });
    } catch (error) {
      const at = await handlers.retryAt(error, job, jobLog).catch(() => null);
      if (at === null) {
        timer({ outcome: "failed" });
        metrics.jobFailures.inc({ kind });
        if (bullJob.attemptsMade + 1 < (bullJob.opts.attempts ?? 1)) metrics.jobRetries.inc({ kind, reason: "error" });
        throw error;
      }
      timer({ outcome: "retry" });
      metrics.jobRetries.inc({ kind, reason: error instanceof RetryLater ? "write_budget" : "rate_limit" });
      jobLog.info({ until: new Date(at).toISOString() }, "job waits for the write budget or a rate limit");
      await bullJob.moveToDelayed(at, token);
      throw new DelayedError();
    }
  }

  worker.on("failed", (bullJob, error) => {
    if (error instanceof DelayedError) return;
    const fields = { ...(bullJob ? jobBindings(bullJob) : {}), attempt: bullJob?.attemptsMade };
    if (bullJob && bullJob.attemptsMade < (bullJob.opts.attempts ?? 1)) {
      log.warn({ ...fields, err: { message: error.message } }, "job failed; BullMQ retries it with backoff");
      return;
    }
    // The work is dropped now: say so loudly, with the error that tells an operator what to fix.
    log.error({ ...fields, err: { message: error.message, stack: error.stack } }, "job failed on its last attempt and was dropped");
  });
  worker.on("error", (error) => {
    log.error({ err: { message: error.message } }, "worker connection error");
  });

  return {
    // BullMQ's graceful close waits for its blocking connection to report "end", which never comes when Redis
    // went away at the wrong moment, and a later forced close only returns that same pending promise. So: pause
    // (no new jobs, no waiting), wait for our own running jobs with a bound, then force the close.
    close: async (graceMs = 10_000) => {
      await settlesWithin(worker.pause(true), 1_000);
      if (!(await settlesWithin(Promise.allSettled(running), graceMs))) {
        log.warn({ graceMs, running: running.size }, "jobs still running at shutdown; their locks will expire and another worker retries them");
      }
      await settlesWithin(worker.close(true), 2_000);
    },
  };
}

/** What every line about a job carries. A job with unexpected data is logged without its place rather than throw. */
function jobBindings(bullJob: BullJob): { job: string; jobId: string | undefined } & (ReturnType<typeof jobLogFields> | Record<string, never>) {
  const ids = { job: bullJob.name, jobId: bullJob.id };
  try {
    return { ...ids, ...jobLogFields({ name: bullJob.name, data: bullJob.data } as Job) };
  } catch {
    return ids;
  }
}
