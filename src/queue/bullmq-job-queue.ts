import { Queue, type ConnectionOptions, type JobType } from "bullmq";
import type { AddOptions, Job, JobQueue, Schedule } from "./jobs.js";
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
    const removeOnComplete = options.forgetWhenDone ? { removeOnComplete: true } : {};
    if (options.dedupe === undefined) {
      await this.queue.add(job.name, job.data, { jobId: jobIdOf(job), delay, priority: options.priority, ...removeOnComplete });
      return;
    }
    // BullMQ picks the id: a fixed one would make a later add a no-op while the finished job is kept.
    const deduplication = { id: options.dedupe, replace: true, keepLastIfActive: true };
    await this.queue.add(job.name, job.data, { delay, priority: options.priority, deduplication, ...removeOnComplete });
  }

  async dedupedJobId(dedupe: string): Promise<string | null> {
    return (await this.queue.getDeduplicationJobId(dedupe)) ?? null;
  }

  async isAlive(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId);
    if (!job) return false;
    return ["waiting", "delayed", "prioritized", "active", "waiting-children"].includes(await job.getState());
  }

  async upsertScheduler(id: string, schedule: Schedule, job: Job): Promise<void> {
    await this.queue.upsertJobScheduler(id, schedule, { name: job.name, data: job.data });
  }

  async removePending(dedupe: string): Promise<boolean> {
    const jobId = await this.queue.getDeduplicationJobId(dedupe);
    const job = jobId ? await this.queue.getJob(jobId) : undefined;
    if (!job || !(await job.isDelayed() || await job.isWaiting())) return false;
    try {
      await job.remove();
      return true;
    } catch {
      return false; // picked up by a worker in the meantime: it will find nothing to do
    }
  }

  async removeScheduler(id: string): Promise<void> {
    await this.queue.removeJobScheduler(id);
  }

  async removeJobsWhere(match: (job: Job) => boolean, options: { finished?: boolean } = {}): Promise<{ removed: number; running: number }> {
    const states: JobType[] = ["delayed", "waiting", "prioritized", "waiting-children", ...(options.finished ? (["completed", "failed"] as const) : [])];
    const found = [];
    // getJobs pages each state separately: read until every state is exhausted.
    for (let start = 0; ; start += 1_000) {
      const jobs = (await this.queue.getJobs(states, start, start + 999)).filter(Boolean);
      if (jobs.length === 0) break;
      found.push(...jobs.filter((job) => match({ name: job.name, data: job.data } as Job)));
    }
    const running = (await this.queue.getJobs(["active"])).filter((job) => job && match({ name: job.name, data: job.data } as Job)).length;
    let removed = 0;
    for (const job of found) {
      try {
        await job.remove();
        removed += 1;
      } catch {
        // started in the meantime: counted as running by the next sweep
      }
    }
    return { removed, running };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
