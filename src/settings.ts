// Everything the process reads from its environment, read once at start-up and passed down.
import type { BotIdentities } from "./domain/types.js";
import { DEFAULT_BOT_IDENTITIES } from "./domain/bot-identity.js";
import { webUrlOf } from "./domain/web-links.js";
import { DEFAULT_DEBOUNCE_MS } from "./queue/evaluation-scheduler.js";

export type Role = "all" | "web" | "worker";

export interface Settings {
  redisUrl: string;
  port: number;
  host: string | undefined;
  webhookPath: string;
  role: Role;
  workerConcurrency: number;
  /** How long an evaluation waits for more events of the same PR before it runs. */
  evaluationDebounceMs: number;
  identities: BotIdentities;
  hasCredentials: boolean;
  /** The GitHub App's id, to tell the app's own check suites from CI's; null before setup. */
  appId: number | null;
  metrics: MetricsSettings;
  /** How long a claim on work in progress (a delivery, a nudge, a digest) outlives a process that died holding it. */
  claimLeaseMs: number;
  /** How long a running job's lock lasts unrenewed; a job of a killed worker runs again about this long after. */
  jobLockMs: number;
  /** Where the links the app writes point: github.com, or the GHES host. */
  webUrl: string;
  /** GHE_HOST is set: GitHub Enterprise Server (its redelivery window is 7 days, not 3). */
  enterpriseServer: boolean;
  /** How often failed webhook deliveries are asked for again; 0: never. */
  redeliveryEveryMs: number;
}

/**
 * Where `/metrics` is served: with a token, on the main port behind `Authorization: Bearer`; with a port of
 * its own, there (and the token is still checked when set); with neither, nowhere — the safe default.
 */
export interface MetricsSettings {
  token: string | null;
  port: number | null;
  host: string | undefined;
  /** Shared-state gauges (queue, stale patches, SLO) are read from Redis at most this often. */
  stateMaxAgeMs: number;
}

export class SettingsError extends Error {}

export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const role = (env.ROLE ?? "all") as Role;
  if (!["all", "web", "worker"].includes(role)) {
    throw new SettingsError(`ROLE must be one of all, web, worker (got "${role}")`);
  }
  return {
    redisUrl: env.REDIS_URL || "redis://127.0.0.1:6379",
    port: positiveInt(env.PORT, 3000, "PORT", true),
    host: env.HOST || undefined,
    webhookPath: env.WEBHOOK_PATH || "/api/github/webhooks",
    role,
    workerConcurrency: positiveInt(env.WORKER_CONCURRENCY, 4, "WORKER_CONCURRENCY", false),
    evaluationDebounceMs: positiveInt(env.EVALUATION_DEBOUNCE_MS, DEFAULT_DEBOUNCE_MS, "EVALUATION_DEBOUNCE_MS", true),
    identities: identitiesFrom(env),
    hasCredentials: Boolean(env.APP_ID && (env.PRIVATE_KEY || env.PRIVATE_KEY_PATH)),
    appId: env.APP_ID && Number.isInteger(Number(env.APP_ID)) ? Number(env.APP_ID) : null,
    metrics: {
      token: env.METRICS_TOKEN || null,
      port: env.METRICS_PORT ? positiveInt(env.METRICS_PORT, 0, "METRICS_PORT", true) : null,
      host: env.METRICS_HOST || env.HOST || undefined,
      stateMaxAgeMs: positiveInt(env.METRICS_STATE_MAX_AGE_SECONDS, 30, "METRICS_STATE_MAX_AGE_SECONDS", true) * 1000,
    },
    claimLeaseMs: positiveInt(env.CLAIM_LEASE_SECONDS, 60, "CLAIM_LEASE_SECONDS", false) * 1000,
    jobLockMs: positiveInt(env.JOB_LOCK_SECONDS, 30, "JOB_LOCK_SECONDS", false) * 1000,
    enterpriseServer: Boolean(env.GHE_HOST),
    webUrl: webUrlOf(env),
    redeliveryEveryMs: positiveInt(env.REDELIVERY_EVERY_MINUTES, 10, "REDELIVERY_EVERY_MINUTES", true) * 60_000,
  };
}

function positiveInt(raw: string | undefined, fallback: number, name: string, zeroAllowed: boolean): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (zeroAllowed ? 0 : 1)) {
    throw new SettingsError(`${name} must be a whole number${zeroAllowed ? "" : " above 0"} (got "${raw}")`);
  }
  return value;
}

/** Self-hosted Renovate and GHES run the bots under other logins; those are added, never replace GitHub's. */
function identitiesFrom(env: NodeJS.ProcessEnv): BotIdentities {
  const extra = (raw: string | undefined): Array<{ login: string }> =>
    (raw ?? "")
      .split(",")
      .map((login) => login.trim())
      .filter(Boolean)
      .map((login) => ({ login }));
  return {
    dependabot: [...DEFAULT_BOT_IDENTITIES.dependabot, ...extra(env.DEPENDABOT_LOGINS)],
    renovate: [...DEFAULT_BOT_IDENTITIES.renovate, ...extra(env.RENOVATE_LOGINS)],
  };
}
