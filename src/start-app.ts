// Composition root: builds the real adapters and starts the web and/or worker role.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createProbot, type Probot } from "probot";
import type { Redis } from "ioredis";
import type { DestinationStream } from "pino";
import { createAppFn } from "./app.js";
import { buildWorkerDeps } from "./build-worker-deps.js";
import { healthRoutes } from "./http/health-routes.js";
import { createLogger } from "./logging/create-logger.js";
import { BullMqJobQueue } from "./queue/bullmq-job-queue.js";
import { startWorker, type JobWorker } from "./queue/bullmq-worker.js";
import { settlesWithin } from "./async/time-limit.js";
import { AppOctokit } from "./github/app-octokit.js";
import { jobHandlers } from "./queue/process-job.js";
import type { Job } from "./queue/jobs.js";
import { restoreDigestSchedules } from "./use-cases/digest-schedule.js";
import { ensureRedeliverySchedule } from "./use-cases/redelivery-schedule.js";
import { connectRedis, FAIL_FAST, FOR_WORKERS } from "./redis/connect-redis.js";
import { readSettings } from "./settings.js";
import { RedisDeliveryLog } from "./store/redis-delivery-log.js";
import { createAppMetrics } from "./metrics/app-metrics.js";
import { countingDeliveries, countWebhook } from "./metrics/count-webhooks.js";
import { metricsRoute } from "./metrics/metrics-route.js";
import { rateLimitPlugin } from "./metrics/rate-limit-plugin.js";
import { registerStateGauges } from "./metrics/state-gauges.js";
import { readQueueStats } from "./queue/queue-stats.js";
import { readMetricsState } from "./use-cases/metrics-state.js";

type ProbotOverrides = NonNullable<Parameters<typeof createProbot>[0]>["overrides"];

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  /** Tests hand in an Octokit without retries and throttling, as TECH-NOTES explains. */
  probotOverrides?: ProbotOverrides;
  /** Tests may run the clock; the app uses the real one. */
  now?: () => number;
  /** Where log lines go; stdout unless a test reads them. */
  logDestination?: DestinationStream;
}

export interface RunningApp {
  port: number;
  url: string;
  /** The dedicated metrics listener's port (METRICS_PORT), or null when /metrics is on the main port or off. */
  metricsPort: number | null;
  probot: Probot;
  /** Enqueues a job now, e.g. the weekly digest ahead of its schedule. */
  runJob(job: Job): Promise<void>;
  /** `graceMs`: how long running jobs may finish (default 10 s); past it they are left to their lock's expiry. */
  stop(options?: { graceMs?: number }): Promise<void>;
}

export async function startApp({ env, probotOverrides, now = Date.now, logDestination }: StartOptions): Promise<RunningApp> {
  const settings = readSettings(env);
  // Once stopping, no connection (nor BullMQ's duplicates of it, which copy its options) dials Redis again:
  // during an outage, a client left reconnecting would keep a stopped app's process alive.
  let stopRequested = false;
  const untilStopped = { retryStrategy: (attempt: number) => (stopRequested ? null : Math.min(attempt * 50, 2_000)) };
  const redis = await connectRedis(settings.redisUrl, { ...FAIL_FAST, ...untilStopped });
  const workerRedis: Redis | null =
    settings.role === "web" ? null : await connectRedis(settings.redisUrl, { ...FOR_WORKERS, ...untilStopped });
  const log = createLogger(env, logDestination);
  const metrics = createAppMetrics();
  // Every Octokit the app makes (webhook contexts and jobs alike) reports GitHub's rate-limit headers.
  const Octokit = (probotOverrides?.Octokit ?? AppOctokit).plugin(rateLimitPlugin(metrics) as never);
  const probot = createProbot({ env, overrides: { log, ...probotOverrides, Octokit } });
  const queue = new BullMqJobQueue(redis);
  const deps = buildWorkerDeps({
    redis,
    queue,
    probot,
    log,
    now,
    identities: settings.identities,
    metrics,
    evaluationDebounceMs: settings.evaluationDebounceMs,
    leaseMs: settings.claimLeaseMs,
    enterpriseServer: settings.enterpriseServer,
    webUrl: settings.webUrl,
  });
  const readiness = { check: async () => void (await redis.ping()) };
  registerStateGauges(metrics.registry, () => readMetricsState(deps, (at) => readQueueStats(queue.queue, at)), settings.metrics.stateMaxAgeMs, now);
  const { token: metricsToken, port: metricsPortSetting } = settings.metrics;
  const metricsHandler = metricsRoute(metrics.registry, metricsToken);

  const handle =
    settings.role === "worker"
      ? healthRoutes(readiness)
      : await createNodeMiddleware(
          createAppFn({ ...deps, deliveries: countingDeliveries(new RedisDeliveryLog(redis, undefined, settings.claimLeaseMs), metrics), readiness, appId: settings.appId, webhookPath: settings.webhookPath }),
          { probot, webhooksPath: settings.webhookPath },
        );
  // Without a token and without a port of its own, /metrics is not served at all (see README "Operating").
  const mainRoutes = metricsToken !== null && metricsPortSetting === null ? [metricsHandler, handle] : [handle];
  const server = serve(mainRoutes, (req, res) => {
    if (req.method === "POST" && (req.url ?? "").split("?")[0] === settings.webhookPath) countWebhook(req, res, metrics);
  });
  const metricsServer = metricsPortSetting === null ? null : serve([metricsHandler]);
  const port = await listen(server, settings.port, settings.host);
  const metricsPort = metricsServer ? await listen(metricsServer, metricsPortSetting ?? 0, settings.metrics.host) : null;

  const worker: JobWorker | null = workerRedis
    ? startWorker({ connection: workerRedis, handlers: jobHandlers(deps), concurrency: settings.workerConcurrency, log, metrics, lockMs: settings.jobLockMs })
    : null;

  if (worker) await restoreDigestSchedules(deps);
  // The deliveries API is called as the app: without credentials there is no app to ask as.
  if (worker && settings.hasCredentials) await ensureRedeliverySchedule(queue, settings.redeliveryEveryMs);
  log.info({ port, role: settings.role, metrics: metricsPort !== null ? "own port" : metricsToken !== null ? "bearer token" : "off", metricsPort }, "merge-discipline is running");
  let stopping: Promise<void> | undefined;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    metricsPort,
    probot,
    runJob: (job) => queue.add(job),
    stop: (options = {}) =>
      (stopping ??= (async () => {
        stopRequested = true;
        await closeServer(server);
        if (metricsServer) await closeServer(metricsServer);
        await worker?.close(options.graceMs);
        await settlesWithin(queue.close(), 1_000);
        workerRedis?.disconnect();
        redis.disconnect();
      })()),
  };
}

type Route = (req: IncomingMessage, res: ServerResponse) => boolean | void | Promise<boolean | void>;

/** Tries the routes in order; 404 when none answers. */
function serve(routes: Route[], onRequest?: (req: IncomingMessage, res: ServerResponse) => void): Server {
  return createServer((req, res) => {
    onRequest?.(req, res);
    void (async () => {
      for (const route of routes) if (await route(req, res)) return;
      if (!res.headersSent) res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
    })();
  });
}

async function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return (server.address() as AddressInfo).port;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
