// The real adapters behind WorkerDeps, shared by the app process and the CLI.
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Probot } from "probot";
import { RedisWriteBudget } from "./budget/redis-write-budget.js";
import type { BotIdentities } from "./domain/types.js";
import { OctokitAutoMerger } from "./github/octokit-auto-merge.js";
import { OctokitGitHub } from "./github/octokit-github.js";
import { OctokitGitHubWrites } from "./github/octokit-github-writes.js";
import type { BullMqJobQueue } from "./queue/bullmq-job-queue.js";
import { QueueEvaluationScheduler } from "./queue/evaluation-scheduler.js";
import { RedisAlertStore } from "./store/redis-alert-store.js";
import { RedisEscalationStore } from "./store/redis-escalation-store.js";
import { RedisGateStore } from "./store/gate-store.js";
import { RedisPolicyStore } from "./store/redis-policy-store.js";
import { RedisPrStateStore } from "./store/redis-pr-state-store.js";
import { RedisPullRequestStore } from "./store/redis-pull-request-store.js";
import { DEFAULT_LEASE_MS } from "./store/redis-lease.js";
import type { WorkerDeps } from "./use-cases/worker-deps.js";
import { createAppMetrics, type AppMetrics } from "./metrics/app-metrics.js";
import { RedisBackfillStore } from "./store/redis-backfill-store.js";
import { RedisInstallationLifecycle } from "./store/redis-installation-lifecycle.js";
import { RedisInstallationData } from "./store/redis-installation-data.js";
import { RedisSyncStateStore } from "./store/redis-sync-state-store.js";
import { OctokitHookDeliveries } from "./github/octokit-hook-deliveries.js";
import { RedisRedeliveryState } from "./store/redis-redelivery-state.js";
import { redeliveryWindowMs } from "./domain/redelivery.js";
import { GITHUB_WEB_URL } from "./domain/web-links.js";

export function buildWorkerDeps(input: {
  redis: Redis;
  queue: BullMqJobQueue;
  probot: Probot;
  log: Logger;
  now: () => number;
  identities: BotIdentities;
  /** github.com unless a GHES is configured. */
  webUrl?: string;
  /** The CLI counts into a registry nobody scrapes. */
  metrics?: AppMetrics;
  evaluationDebounceMs?: number;
  leaseMs?: number;
  /** GitHub Enterprise Server keeps deliveries for redelivery 7 days, github.com 3. */
  enterpriseServer?: boolean;
}): WorkerDeps {
  const { redis, queue, probot } = input;
  const leaseMs = input.leaseMs ?? DEFAULT_LEASE_MS;
  const windowMs = redeliveryWindowMs(input.enterpriseServer ?? false);
  let slug: Promise<string> | undefined;
  // The app's own identity, read once: its comments, check runs and `@slug` commands are recognised by it.
  const appSlug = (): Promise<string> =>
    (slug ??= probot.auth().then(async (octokit) => {
      const name = (await octokit.rest.apps.getAuthenticated()).data?.slug;
      if (!name) throw new Error("GitHub did not return the app's slug");
      return name;
    })).catch((error: unknown) => {
      slug = undefined;
      throw error;
    });
  return {
    store: new RedisPullRequestStore(redis),
    escalations: new RedisEscalationStore(redis, undefined, leaseMs),
    alerts: new RedisAlertStore(redis),
    policies: new RedisPolicyStore(redis),
    prStates: new RedisPrStateStore(redis),
    gates: new RedisGateStore(redis),
    backfills: new RedisBackfillStore(redis),
    lifecycle: new RedisInstallationLifecycle(redis),
    data: new RedisInstallationData(redis),
    sync: new RedisSyncStateStore(redis),
    queue,
    scheduler: new QueueEvaluationScheduler(queue, Date.now, input.evaluationDebounceMs),
    budget: new RedisWriteBudget(redis),
    github: async (installationId) => new OctokitGitHub(await probot.auth(installationId)),
    writes: async (installationId) => new OctokitGitHubWrites({ octokit: await probot.auth(installationId), botLogin: `${await appSlug()}[bot]` }),
    merger: async (installationId) => new OctokitAutoMerger(await probot.auth(installationId)),
    appSlug,
    identities: input.identities,
    webUrl: input.webUrl ?? GITHUB_WEB_URL,
    log: input.log,
    metrics: input.metrics ?? createAppMetrics(),
    now: input.now,
    redis,
    leaseMs,
    redelivery: {
      hooks: async () => new OctokitHookDeliveries(await probot.auth()),
      state: new RedisRedeliveryState(redis, RedisRedeliveryState.keepMsFor(windowMs)),
      windowMs,
    },
  };
}
