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

/** A commit status changed on `sha`: the PRs with that head look at their CI again. */
export interface CiChangedJob {
  name: "ci-changed";
  data: { installationId: number; repoId: number; repo: string; sha: string; at: number };
}

export interface PublishDigestJob {
  name: "publish-digest";
  /** With `backfillRun`: the organisation digest only, once, when that backfill finished. */
  data: { installationId: number; backfillRun?: string };
}

export type BackfillTrigger = "installed" | "repos-added" | "unsuspended" | "cli";

/** Starts (or joins) an installation's backfill: the given repos, or every repo the installation sees. */
export interface BackfillInstallationJob {
  name: "backfill-installation";
  data: { installationId: number; trigger: BackfillTrigger; repos: Array<{ repoId: number; name: string }> | null; key: string };
}

/** One step (one list request, or the final evaluation) of one repo's backfill; it queues the next. */
export interface BackfillRepositoryJob {
  name: "backfill-repository";
  data: { installationId: number; repoId: number; repo: string; runId: string; step: number };
}

export interface ReconcileInstallationJob {
  name: "reconcile-installation";
  data: { installationId: number };
}

export interface ReconcileRepositoryJob {
  name: "reconcile-repository";
  data: { installationId: number; repoId: number; repo: string; at: number };
}

/** Uninstalled: cancel what is queued and delete what is stored. */
export interface ForgetInstallationJob {
  name: "forget-installation";
  data: { installationId: number };
}

/** Repos taken out of the installation. */
export interface ForgetRepositoriesJob {
  name: "forget-repositories";
  data: { installationId: number; repoIds: number[]; key: string };
}

/** App-wide: ask GitHub to redeliver the webhooks that never reached the app (one run at a time). */
export interface RedeliverWebhooksJob {
  name: "redeliver-webhooks";
  data: Record<string, never>;
}

export type LifecycleJob =
  | BackfillInstallationJob
  | BackfillRepositoryJob
  | ReconcileInstallationJob
  | ReconcileRepositoryJob
  | ForgetInstallationJob
  | ForgetRepositoriesJob;

export type Job =
  | CiChangedJob
  | PublishDigestJob
  | EnrichPullRequestJob
  | EvaluatePullRequestJob
  | RefreshPolicyJob
  | ReportConfigJob
  | RunCommandJob
  | ApplyGateJob
  | RedeliverWebhooksJob
  | LifecycleJob;
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
      return job.data.backfillRun
        ? `${job.name}-${job.data.installationId}-backfill-${job.data.backfillRun}`
        : `${job.name}-${job.data.installationId}-${Date.now()}`;
    case "backfill-installation":
    case "forget-repositories":
      return `${job.name}-${job.data.installationId}-${job.data.key}`;
    case "backfill-repository": {
      const { installationId, repoId, runId, step } = job.data;
      return `${job.name}-${installationId}-${repoId}-${runId}-${step}`;
    }
    case "reconcile-installation":
      return `${job.name}-${job.data.installationId}-${Date.now()}`;
    case "reconcile-repository":
      return `${job.name}-${job.data.installationId}-${job.data.repoId}-${job.data.at}`;
    case "forget-installation":
      return `${job.name}-${job.data.installationId}`;
    case "ci-changed":
      return `${job.name}-${job.data.installationId}-${job.data.repoId}-${job.data.sha}-${job.data.at}`;
    case "redeliver-webhooks":
      return `${job.name}-${Date.now()}`;
  }
}

/** The installation a job works for, or null for the app-wide ones. */
export function installationOf(job: Job): number | null {
  switch (job.name) {
    case "enrich-pull-request":
      return job.data.snapshot.ref.installationId;
    case "evaluate-pull-request":
      return job.data.ref.installationId;
    case "run-command":
      return job.data.ref.installationId;
    case "redeliver-webhooks":
      return null;
    default:
      return job.data.installationId;
  }
}

/** The repo a job works on, or null for installation-wide jobs. */
export function repoOf(job: Job): number | null {
  switch (job.name) {
    case "enrich-pull-request":
      return job.data.snapshot.ref.repoId;
    case "evaluate-pull-request":
    case "run-command":
      return job.data.ref.repoId;
    case "refresh-policy":
    case "report-config":
    case "apply-gate":
    case "backfill-repository":
    case "reconcile-repository":
    case "ci-changed":
      return job.data.repoId;
    default:
      return null;
  }
}

/** Where a job works, for its log lines. */
export function jobLogFields(job: Job): { installationId?: number; repo?: string; pr?: number } {
  const installationId = installationOf(job);
  if (installationId === null) return {};
  switch (job.name) {
    case "enrich-pull-request":
      return { installationId, repo: job.data.snapshot.repo, pr: job.data.snapshot.ref.number };
    case "evaluate-pull-request":
    case "run-command":
      return { installationId, repo: job.data.repo, pr: job.data.ref.number };
    case "refresh-policy":
    case "report-config":
    case "apply-gate":
    case "backfill-repository":
    case "reconcile-repository":
    case "ci-changed":
      return { installationId, repo: job.data.repo };
    default:
      return { installationId };
  }
}

export interface AddOptions {
  /** Run no earlier than this (epoch ms). */
  at?: number;
  /** 1 runs first; see priorityOf in evaluation-scheduler. */
  priority?: number;
  /** Leave nothing behind once done (e.g. the job that deletes an installation's data). */
  forgetWhenDone?: boolean;
  /**
   * At most one pending job per key: a new add replaces a job still waiting for its time, and one added
   * while a job of that key runs is queued behind it (the latest such add wins).
   */
  dedupe?: string;
}

/** A cron in a time zone, or a fixed interval in ms. */
export type Schedule = { pattern: string; tz: string } | { every: number };

export interface JobQueue {
  add(job: Job, options?: AddOptions): Promise<void>;
  /** A named repeatable job (cron in a time zone, or every so many ms); calling it again with the same id updates it, never duplicates it. */
  upsertScheduler(id: string, schedule: Schedule, job: Job): Promise<void>;
  /** Removes the `dedupe` key's job if it has not started yet; false when it is running, done or unknown. */
  removePending(dedupe: string): Promise<boolean>;
  /** The id of the `dedupe` key's current job, or null. */
  dedupedJobId(dedupe: string): Promise<string | null>;
  /** Whether a job with this id is still to run (waiting, delayed or running): a dead chain is not. */
  isAlive(jobId: string): Promise<boolean>;
  removeScheduler(id: string): Promise<void>;
  /**
   * Removes the jobs not yet started (and, with `finished`, the completed and failed ones kept for a while)
   * that match; `running` counts the matching ones a worker holds right now, which cannot be removed.
   */
  removeJobsWhere(match: (job: Job) => boolean, options?: { finished?: boolean }): Promise<{ removed: number; running: number }>;
}

/** BullMQ priorities: 1 runs first. Live work (1–9, see priorityOf) always goes before catching up. */
export const BACKFILL_EVALUATION_PRIORITY_OFFSET = 20;
export const BACKFILL_STEP_PRIORITY = 40;
export const RECONCILE_PRIORITY = 50;
