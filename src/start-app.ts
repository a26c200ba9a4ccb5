// Composition root: builds the real adapters and starts the web and/or worker role.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createProbot, type Probot } from "probot";
import type { Redis } from "ioredis";
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
import { connectRedis, FAIL_FAST, FOR_WORKERS } from "./redis/connect-redis.js";
import { readSettings } from "./settings.js";
import { RedisDeliveryLog } from "./store/redis-delivery-log.js";

type ProbotOverrides = NonNullable<Parameters<typeof createProbot>[0]>["overrides"];

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  /** Tests hand in an Octokit without retries and throttling, as TECH-NOTES explains. */
  probotOverrides?: ProbotOverrides;
  /** Tests may run the clock; the app uses the real one. */
  now?: () => number;
}

export interface RunningApp {
  port: number;
  url: string;
  probot: Probot;
  /** Enqueues a job now, e.g. the weekly digest ahead of its schedule. */
  runJob(job: Job): Promise<void>;
  stop(): Promise<void>;
}

export async function startApp({ env, probotOverrides, now = Date.now }: StartOptions): Promise<RunningApp> {
  const settings = readSettings(env);
  // Once stopping, no connection (nor BullMQ's duplicates of it, which copy its options) dials Redis again:
  // during an outage, a client left reconnecting would keep a stopped app's process alive.
  let stopRequested = false;
  const untilStopped = { retryStrategy: (attempt: number) => (stopRequested ? null : Math.min(attempt * 50, 2_000)) };
  const redis = await connectRedis(settings.redisUrl, { ...FAIL_FAST, ...untilStopped });
  const workerRedis: Redis | null =
    settings.role === "web" ? null : await connectRedis(settings.redisUrl, { ...FOR_WORKERS, ...untilStopped });
  const log = createLogger(env);
  const probot = createProbot({ env, overrides: { log, Octokit: AppOctokit, ...probotOverrides } });
  const queue = new BullMqJobQueue(redis);
  const deps = buildWorkerDeps({ redis, queue, probot, log, now, identities: settings.identities });
  const readiness = { check: async () => void (await redis.ping()) };

  const handle =
    settings.role === "worker"
      ? healthRoutes(readiness)
      : await createNodeMiddleware(createAppFn({ ...deps, deliveries: new RedisDeliveryLog(redis), readiness, appId: settings.appId }), {
          probot,
          webhooksPath: settings.webhookPath,
        });
  const server = createServer((req, res) => {
    void Promise.resolve(handle(req, res)).then((handled) => {
      if (!handled && !res.headersSent) res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(settings.port, settings.host, resolve));
  const port = (server.address() as AddressInfo).port;

  const worker: JobWorker | null = workerRedis
    ? startWorker({ connection: workerRedis, handlers: jobHandlers(deps), concurrency: settings.workerConcurrency, log })
    : null;

  if (worker) await restoreDigestSchedules(deps);
  log.info({ port, role: settings.role }, "merge-discipline is running");
  let stopping: Promise<void> | undefined;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    probot,
    runJob: (job) => queue.add(job),
    stop: () =>
      (stopping ??= (async () => {
        stopRequested = true;
        await closeServer(server);
        await worker?.close();
        await settlesWithin(queue.close(), 1_000);
        workerRedis?.disconnect();
        redis.disconnect();
      })()),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
