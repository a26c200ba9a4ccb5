import type { AddOptions, Job, JobQueue, Schedule } from "./jobs.js";
import { jobIdOf } from "./jobs.js";

/** Keeps jobs in a list for unit tests and dry runs; ids de-duplicate as BullMQ's do. */
export class MemoryJobQueue implements JobQueue {
  readonly jobs: Array<Job & { options: AddOptions }> = [];
  private readonly ids = new Set<string>();

  async add(job: Job, options: AddOptions = {}): Promise<void> {
    if (options.dedupe !== undefined) await this.removePending(options.dedupe);
    const id = jobIdOf(job);
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.jobs.push({ ...job, options });
  }

  readonly schedulers = new Map<string, Schedule & { job: Job }>();

  async upsertScheduler(id: string, schedule: Schedule, job: Job): Promise<void> {
    this.schedulers.set(id, { ...schedule, job });
  }

  async removePending(dedupe: string): Promise<boolean> {
    const index = this.jobs.findIndex((job) => job.options.dedupe === dedupe);
    const [removed] = index < 0 ? [] : this.jobs.splice(index, 1);
    if (removed) this.ids.delete(jobIdOf(removed));
    return removed !== undefined;
  }

  async dedupedJobId(dedupe: string): Promise<string | null> {
    const job = this.jobs.find((j) => j.options.dedupe === dedupe);
    return job ? jobIdOf(job) : null;
  }

  async isAlive(jobId: string): Promise<boolean> {
    return this.ids.has(jobId);
  }

  async removeScheduler(id: string): Promise<void> {
    this.schedulers.delete(id);
  }

  async removeJobsWhere(match: (job: Job) => boolean): Promise<{ removed: number; running: number }> {
    const keep = this.jobs.filter((job) => !match(job));
    const removed = this.jobs.length - keep.length;
    for (const job of this.jobs) if (match(job)) this.ids.delete(jobIdOf(job));
    this.jobs.splice(0, this.jobs.length, ...keep);
    return { removed, running: 0 };
  }
}
