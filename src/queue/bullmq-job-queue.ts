import { Queue, type ConnectionOptions } from "bullmq";
import type { AddOptions, Job, JobQueue } from "./jobs.js";
import { jobIdOf, QUEUE_NAME } from "./jobs.js";
import { DEFAULT_KEY_PREFIX } from "../store/redis-keys.js";

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export class BullMqJobQueue implements JobQueue {
  readonly queue: Queue;

  constructor(connection: ConnectionOptions, prefix: string = DEFAULT_KEY_PREFIX) {
    this.queue = new Queue(QUEUE_NAME, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  }

  async add(job: Job, options: AddOptions = {}): Promise<void> {
    const delay = options.at === undefined ? 0 : Math.max(0, options.at - Date.now());
    await this.queue.add(job.name, job.data, { jobId: jobIdOf(job), delay, priority: options.priority });
  }

  async upsertScheduler(id: string, schedule: { pattern: string; tz: string }, job: Job): Promise<void> {
    await this.queue.upsertJobScheduler(id, schedule, { name: job.name, data: job.data });
  }

  async removePending(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId);
    if (!job || !(await job.isDelayed() || await job.isWaiting())) return false;
    try {
      await job.remove();
      return true;
    } catch {
      return false; // picked up by a worker in the meantime: it will find nothing to do
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
