import { createHash } from "node:crypto";
import type { PullRequestRef } from "../domain/pull-request-record.js";
import type { PullRequestSnapshot } from "../domain/pull-request-snapshot.js";

/** The queue's one name; every job kind shares it so one worker pool serves them all. */
export const QUEUE_NAME = "merge-discipline";

export interface EnrichPullRequestJob {
  name: "enrich-pull-request";
  data: { snapshot: PullRequestSnapshot };
}

export interface EvaluatePullRequestJob {
  name: "evaluate-pull-request";
  data: { ref: PullRequestRef; repo: string; at: number };
}

export interface RefreshPolicyJob {
  name: "refresh-policy";
  data: { installationId: number; repoId: number; repo: string; commitSha: string };
}

/** Show a config's problems (or their fixing) as the "merge-discipline config" check, apart from the policy decision. */
export interface ReportConfigJob {
  name: "report-config";
  data: { installationId: number; repoId: number; repo: string; sourceId: string; files: string[]; commitSha: string | null };
}

/** A maintainer talking to the app: a PR comment command, or a check-run button. */
export interface RunCommandJob {
  name: "run-command";
  data: {
    ref: PullRequestRef;
    repo: string;
    actor: string;
    source: { kind: "comment"; commentId: number; body: string } | { kind: "button"; identifier: string; deliveryId: string };
  };
}

export interface ApplyGateJob {
  name: "apply-gate";
  data: { installationId: number; repoId: number; repo: string; at: number };
}

export interface PublishDigestJob {
  name: "publish-digest";
  data: { installationId: number };
}

export type Job =
  | PublishDigestJob
  | EnrichPullRequestJob
  | EvaluatePullRequestJob
  | RefreshPolicyJob
  | ReportConfigJob
  | RunCommandJob
  | ApplyGateJob;
export type JobName = Job["name"];

/** Deterministic ids make a second enqueue of the same work a no-op (BullMQ ids may not contain ':'). */
export function jobIdOf(job: Job): string {
  switch (job.name) {
    case "enrich-pull-request": {
      const { ref, headSha } = job.data.snapshot;
      return `${job.name}-${ref.installationId}-${ref.repoId}-${ref.number}-${headSha}`;
    }
    case "evaluate-pull-request": {
      const { ref, at } = job.data;
      return `${job.name}-${ref.installationId}-${ref.repoId}-${ref.number}-${at}`;
    }
    case "refresh-policy":
      return `${job.name}-${job.data.installationId}-${job.data.repoId}-${job.data.commitSha}`;
    case "report-config": {
      // One report per config version and commit; the source id holds characters a job id may not.
      const key = createHash("sha256").update(`${job.data.sourceId} ${job.data.commitSha ?? ""}`).digest("hex").slice(0, 20);
      return `${job.name}-${job.data.installationId}-${job.data.repoId}-${key}`;
    }
    case "run-command": {
      const { ref, source } = job.data;
      const id = source.kind === "comment" ? `c${source.commentId}` : `b${source.deliveryId}`;
      return `${job.name}-${ref.installationId}-${ref.repoId}-${ref.number}-${id}`;
    }
    case "apply-gate":
      return `${job.name}-${job.data.installationId}-${job.data.repoId}-${job.data.at}`;
    case "publish-digest":
      return `${job.name}-${job.data.installationId}-${Date.now()}`;
  }
}

export function installationOf(job: Job): number {
  switch (job.name) {
    case "enrich-pull-request":
      return job.data.snapshot.ref.installationId;
    case "evaluate-pull-request":
      return job.data.ref.installationId;
    case "refresh-policy":
    case "report-config":
    case "apply-gate":
    case "publish-digest":
      return job.data.installationId;
    case "run-command":
      return job.data.ref.installationId;
  }
}

/** Where a job works, for its log lines. */
export function jobLogFields(job: Job): { installation: number; repo?: string; pr?: number } {
  const installation = installationOf(job);
  switch (job.name) {
    case "enrich-pull-request":
      return { installation, repo: job.data.snapshot.repo, pr: job.data.snapshot.ref.number };
    case "evaluate-pull-request":
    case "run-command":
      return { installation, repo: job.data.repo, pr: job.data.ref.number };
    case "refresh-policy":
    case "report-config":
    case "apply-gate":
      return { installation, repo: job.data.repo };
    default:
      return { installation };
  }
}

export interface AddOptions {
  /** Run no earlier than this (epoch ms). */
  at?: number;
  /** 1 runs first; see priorityOf in evaluation-scheduler. */
  priority?: number;
}

export interface JobQueue {
  add(job: Job, options?: AddOptions): Promise<void>;
  /** A named repeatable job (cron in a time zone); calling it again with the same id updates it, never duplicates it. */
  upsertScheduler(id: string, schedule: { pattern: string; tz: string }, job: Job): Promise<void>;
  /** Removes a job that has not started yet; false when it is running, done or unknown. */
  removePending(jobId: string): Promise<boolean>;
}
