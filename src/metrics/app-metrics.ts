// The process's own instruments: counters and histograms that change as this process works. Every process
// (ROLE=web, worker or all) counts only what it did; Prometheus sums them across instances. Gauges that
// describe shared state (queue, stale patches, SLO) are read from Redis at scrape time: see state-gauges.ts.
import { Counter, Gauge, Histogram, Registry } from "prom-client";

const HOUR = 3600;
const DAY = 24 * HOUR;

/** From an hour to a quarter: security SLAs are days, majors may wait weeks. */
export const TIME_TO_MERGE_BUCKETS = [HOUR, 4 * HOUR, 12 * HOUR, DAY, 2 * DAY, 3 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 60 * DAY, 90 * DAY];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export type WebhookRejection = "bad_request" | "unsupported_media_type" | "handler_error" | "other";
export type JobRetryReason = "error" | "write_budget" | "rate_limit";

export interface AppMetrics {
  readonly registry: Registry;
  /** `vcs.change.time_to_merge` (OpenTelemetry VCS), in seconds from the update's lineage start. */
  readonly timeToMerge: Histogram<"repository" | "update_type" | "severity">;
  /** One event per merged security fix: the SLO's good (within_sla="true") and all events. */
  readonly securityFixesMerged: Counter<"org" | "repository" | "severity" | "within_sla">;
  readonly webhooksReceived: Counter<"event">;
  readonly webhooksRejected: Counter<"reason">;
  readonly webhooksDuplicate: Counter;
  readonly jobDuration: Histogram<"kind" | "outcome">;
  readonly jobFailures: Counter<"kind">;
  readonly jobRetries: Counter<"kind" | "reason">;
  /** Last `x-ratelimit-remaining` GitHub sent this process, per installation ("app" for
   * calls as the app itself) and rate-limit resource (core, graphql, search…). */
  readonly rateLimitRemaining: Gauge<"installation" | "resource">;
  readonly rateLimitLimit: Gauge<"installation" | "resource">;
  /**
   * Things backfill and reconciliation found wrong and fixed (a missed webhook, a PR closed while the app
   * was away…), by kind, e.g. `metrics.repairs.inc({ kind: "pr-missing" })`.
   */
  readonly repairs: Counter<"kind">;
  /** Failed webhook deliveries the app asked GitHub to send again: requested, refused (too old, unknown), failed (asked again next run). */
  readonly webhookRedeliveries: Counter<"outcome">;
  /** Runs of the redelivery job: done, busy (another process runs it), github_error (the cursor stays; the next run repeats). */
  readonly webhookRedeliveryRuns: Counter<"outcome">;
}

/** A registry per app instance (no module singleton): tests run several apps in one process. */
export function createAppMetrics(): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    timeToMerge: new Histogram({
      name: "vcs_change_time_to_merge_seconds",
      help: "Time from a bot update's first PR (its lineage start) to its merge, by repository, update type and severity.",
      labelNames: ["repository", "update_type", "severity"],
      buckets: TIME_TO_MERGE_BUCKETS,
      registers,
    }),
    securityFixesMerged: new Counter({
      name: "merge_discipline_security_fixes_merged_total",
      help: "Merged security fixes, within_sla=true when merged inside their SLA: the events of the security-patch SLO.",
      labelNames: ["org", "repository", "severity", "within_sla"],
      registers,
    }),
    webhooksReceived: new Counter({
      name: "merge_discipline_webhooks_received_total",
      help: "Webhook deliveries accepted (signature valid), by GitHub event.",
      labelNames: ["event"],
      registers,
    }),
    webhooksRejected: new Counter({
      name: "merge_discipline_webhooks_rejected_total",
      help: "Webhook deliveries answered with an error: bad_request (missing headers, bad signature, malformed), unsupported_media_type, handler_error (5xx).",
      labelNames: ["reason"],
      registers,
    }),
    webhooksDuplicate: new Counter({
      name: "merge_discipline_webhooks_duplicate_total",
      help: "Webhook deliveries skipped because the same delivery id was already handled.",
      registers,
    }),
    jobDuration: new Histogram({
      name: "merge_discipline_job_duration_seconds",
      help: "Time a job ran, by kind and outcome (done, retry, failed).",
      labelNames: ["kind", "outcome"],
      buckets: JOB_BUCKETS,
      registers,
    }),
    jobFailures: new Counter({
      name: "merge_discipline_job_failures_total",
      help: "Job attempts that failed with an error (BullMQ retries them with backoff until attempts run out).",
      labelNames: ["kind"],
      registers,
    }),
    jobRetries: new Counter({
      name: "merge_discipline_job_retries_total",
      help: "Jobs put back to run again: after an error, or delayed for the write budget or a GitHub rate limit.",
      labelNames: ["kind", "reason"],
      registers,
    }),
    rateLimitRemaining: new Gauge({
      name: "merge_discipline_github_rate_limit_remaining",
      help: "Requests left in GitHub's rate-limit window, from the last response's x-ratelimit-remaining header seen by this process.",
      labelNames: ["installation", "resource"],
      registers,
    }),
    rateLimitLimit: new Gauge({
      name: "merge_discipline_github_rate_limit_limit",
      help: "Size of GitHub's rate-limit window, from the last response's x-ratelimit-limit header seen by this process.",
      labelNames: ["installation", "resource"],
      registers,
    }),
    repairs: new Counter({
      name: "merge_discipline_repairs_total",
      help: "State that backfill or reconciliation found out of date and repaired, by kind.",
      labelNames: ["kind"],
      registers,
    }),
    webhookRedeliveries: new Counter({
      name: "merge_discipline_webhook_redeliveries_total",
      help: "Failed webhook deliveries the app asked GitHub to redeliver, by outcome: requested, refused (GitHub no longer has it), failed (asked again on the next run).",
      labelNames: ["outcome"],
      registers,
    }),
    webhookRedeliveryRuns: new Counter({
      name: "merge_discipline_webhook_redelivery_runs_total",
      help: "Runs of the failed-webhook redelivery job, by outcome: done, busy (another process was running it), github_error (retried from the same place next run).",
      labelNames: ["outcome"],
      registers,
    }),
  };
}
