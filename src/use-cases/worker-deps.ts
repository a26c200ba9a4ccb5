import type { Logger } from "pino";
import type { Redis } from "ioredis";
import type { WriteBudget } from "../budget/write-budget.js";
import type { BotIdentities } from "../domain/types.js";
import type { GitHubForInstallation } from "../github/github-reads.js";
import type { GitHubWrites } from "../github/github-writes.js";
import type { EvaluationScheduler } from "../queue/evaluation-scheduler.js";
import type { JobQueue } from "../queue/jobs.js";
import type { AlertStore } from "../store/alert-store.js";
import type { EscalationStore } from "../store/escalation-store.js";
import type { PolicyStore } from "../store/policy-store.js";
import type { PullRequestStore } from "../store/pull-request-store.js";
import type { PrStateStore } from "../store/pr-state-store.js";
import type { GateStore } from "../store/gate-store.js";
import type { AutoMerger } from "../github/auto-merge.js";
import type { AppMetrics } from "../metrics/app-metrics.js";
import type { BackfillStore } from "../store/backfill-store.js";
import type { InstallationLifecycle } from "../store/installation-lifecycle.js";
import type { InstallationData } from "../store/installation-data.js";
import type { SyncStateStore } from "../store/sync-state-store.js";
import type { HookDeliveries } from "../github/hook-deliveries.js";
import type { RedisRedeliveryState } from "../store/redis-redelivery-state.js";

export type WritesForInstallation = (installationId: number) => Promise<GitHubWrites>;

/** Everything a job's use case may touch; built once in start-app, in-memory twins in unit tests. */
export interface WorkerDeps {
  store: PullRequestStore;
  escalations: EscalationStore;
  alerts: AlertStore;
  policies: PolicyStore;
  prStates: PrStateStore;
  gates: GateStore;
  backfills: BackfillStore;
  lifecycle: InstallationLifecycle;
  /** Deletes what is stored about an installation or a repo. */
  data: InstallationData;
  sync: SyncStateStore;
  queue: JobQueue;
  scheduler: EvaluationScheduler;
  budget: WriteBudget;
  github: GitHubForInstallation;
  writes: WritesForInstallation;
  merger: (installationId: number) => Promise<AutoMerger>;
  /** The app's slug, e.g. "merge-discipline": its own check runs and its `@slug` commands. */
  appSlug: () => Promise<string>;
  identities: BotIdentities;
  /** Where GitHub's web pages are: github.com, or the GHES host (GHE_HOST, GHE_PROTOCOL). */
  webUrl: string;
  log: Logger;
  /** This process's counters and histograms (served at /metrics). */
  metrics: AppMetrics;
  now: () => number;
  /** For the few claims that need Redis directly (one digest per target and week). */
  redis: Redis;
  /** How long a claim on work in progress holds when its holder neither finishes nor gives it back. */
  leaseMs: number;
  /** The app's webhook deliveries (as the app, JWT), and what the redelivery job remembers between runs. */
  redelivery: { hooks: () => Promise<HookDeliveries>; state: RedisRedeliveryState; windowMs: number };
}
