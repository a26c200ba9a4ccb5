// Webhook ingest, side by side: the real app (its own process, web and worker roles together, then
// ROLE=web) against a bare Probot app (its own process), same signed `pull_request.synchronize`
// deliveries for tracked Dependabot PRs, 20 connections, rounds interleaved A B A B. Each delivery
// carries a newer `updated_at`, so every one is recorded (no no-op shortcut).
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Queue } from "bullmq";
import { QUEUE_NAME } from "../src/queue/jobs.js";
import { DEFAULT_KEY_PREFIX } from "../src/store/redis-keys.js";
import { startFakeGitHub } from "../test/fake-github/index.js";
import { startRedis } from "../test/helpers/redis-server.js";
import { deliverWebhook } from "../test/helpers/sign-webhook.js";
import { DEPENDABOT, openPullRequest } from "../test/helpers/pull-requests.js";
import { median, percentile, sendLoad, type Delivery } from "./load-client.js";

const SECRET = "bench-secret";
const T0 = Date.parse("2026-11-02T09:00:00Z");

interface Server {
  url: string;
  child: ChildProcess;
}

function spawnServer(script: string, env: NodeJS.ProcessEnv): Promise<Server> {
  // BENCH_PROFILE_DIR=dir: each server writes a V8 CPU profile there when it stops, to see where the time goes.
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const port = /^READY (\d+)/.exec(line)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}/api/github/webhooks`, child });
    });
  });
}

/** CPU time (user + system) the server's process has used, in ms: a measure a shared machine disturbs less than throughput. */
function cpuMs(server: Server): number {
  const fields = readFileSync(`/proc/${server.child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.removeAllListeners("exit");
    server.child.once("exit", () => resolve());
    server.child.kill("SIGTERM");
  });
}

export async function ingestBenchmark(opts: { prs: number; perRound: number; rounds: number }): Promise<string[]> {
  const fake = await startFakeGitHub({ now: new Date(T0).toISOString() });
  fake.addInstallation({ id: 1, account: { login: "acme", type: "Organization" } });
  fake.addRepo({ owner: "acme", name: "bench" });
  const redis = await startRedis();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const env: NodeJS.ProcessEnv = {
    APP_ID: String(fake.appId), PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, GHE_HOST: fake.host, GHE_PROTOCOL: "http",
    REDIS_URL: redis.url, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "error" as const, NODE_ENV: "production",
  };
  const queue = new Queue(QUEUE_NAME, { connection: { url: redis.url }, prefix: DEFAULT_KEY_PREFIX });
  const servers: Server[] = [];
  try {
    const bare = await spawnServer("bench/bare-probot.ts", env);
    servers.push(bare);
    let app = await spawnServer("bench/app-server.ts", { ...env, ROLE: "all" });
    servers.push(app);

    // Tracked PRs: opened once, evaluated once, before anything is timed.
    const templates: string[] = [];
    for (let i = 0; i < opts.prs; i++) {
      const pr = openPullRequest(fake, "acme/bench", {
        at: new Date(T0).toISOString(), user: DEPENDABOT,
        title: `Bump package-${i} from 1.0.0 to 1.0.1`, head: { ref: `dependabot/npm_and_yarn/package-${i}-1.0.1` },
      });
      const payload = {
        action: "synchronize", number: pr.number, pull_request: { ...fake.pullRequestPayload("acme/bench", pr.number), updated_at: "__UPDATED_AT__" },
        repository: fake.repositoryPayload("acme/bench"), installation: { id: 1 }, sender: { login: "dependabot[bot]", id: 49699333, type: "Bot" },
      };
      templates.push(JSON.stringify(payload));
      const opened = await deliverWebhook(app.url, SECRET, "pull_request", { ...payload, action: "opened", pull_request: fake.pullRequestPayload("acme/bench", pr.number) });
      if (opened.status !== 200) throw new Error(`opened answered ${opened.status}`);
    }
    await settled(queue);
    const bytes = templates[0]?.length ?? 0;

    let seq = 0;
    const next = (i: number): Delivery => {
      seq += 1;
      const body = (templates[i % templates.length] ?? "").replace("__UPDATED_AT__", new Date(T0 + seq * 1000).toISOString());
      return { event: "pull_request", body };
    };
    const compare = async (label: string, a: Server, settle: boolean): Promise<string> => {
      const runs: Record<"app" | "bare", Array<{ perSecond: number; p99: number; cpu: number }>> = { app: [], bare: [] };
      for (let round = 0; round <= opts.rounds; round++) {
        for (const [name, server] of [["app", a], ["bare", bare]] as const) {
          const cpuBefore = cpuMs(server);
          const result = await sendLoad(server.url, SECRET, next, opts.perRound);
          // The app's debounced evaluations run once a round ends; let them finish before the other side's turn.
          if (name === "app" && settle) await settled(queue);
          const cpu = ((cpuMs(server) - cpuBefore) * 1000) / opts.perRound;
          if (round > 0) runs[name].push({ perSecond: result.perSecond, p99: percentile(result.latenciesMs, 0.99), cpu });
        }
      }
      const m = (name: "app" | "bare", key: "perSecond" | "p99" | "cpu"): number => median(runs[name].map((r) => r[key]));
      return `| ${label} | ${m("app", "perSecond").toFixed(0)} | ${m("app", "p99").toFixed(1)} | ${m("app", "cpu").toFixed(0)} | ${m("bare", "perSecond").toFixed(0)} | ${m("bare", "p99").toFixed(1)} | ${m("bare", "cpu").toFixed(0)} | ${(m("app", "perSecond") / m("bare", "perSecond")).toFixed(2)}× | ${(m("app", "p99") / m("bare", "p99")).toFixed(2)}× | ${(m("bare", "cpu") / m("app", "cpu")).toFixed(2)}× |`;
    };
    const rows = [await compare("web + worker in one process", app, true)];
    await stop(app);
    servers.splice(servers.indexOf(app), 1);
    app = await spawnServer("bench/app-server.ts", { ...env, ROLE: "web" });
    servers.push(app);
    rows.push(await compare("`ROLE=web`", app, false));
    return [
      `Webhook ingest, side by side: ${opts.perRound} signed \`pull_request.synchronize\` deliveries per round (${Math.round(bytes / 1024)} KB each, ` +
        `${opts.prs} tracked Dependabot PRs, each delivery a newer \`updated_at\`), 20 connections, ${opts.rounds} rounds each interleaved A B A B after a warm-up; medians of the rounds:`,
      "",
      "| app | app webhooks/s | app p99 ms | app CPU ms / 1,000 | bare Probot webhooks/s | bare p99 ms | bare CPU ms / 1,000 | throughput ratio | p99 ratio | CPU ratio (bare ÷ app) |",
      "|---|---|---|---|---|---|---|---|---|---|",
      ...rows,
    ];
  } finally {
    for (const server of servers) await stop(server);
    await queue.close();
    await fake.close();
    await redis.dispose();
  }
}

/** Nothing waiting, running or due within the minute (the ladder's next looks, a day away, may wait). */
async function settled(queue: Queue): Promise<void> {
  for (;;) {
    const counts = await queue.getJobCounts("active", "waiting", "prioritized");
    const due = (await queue.getJobs(["delayed"])).filter((job) => job.timestamp + job.delay < Date.now() + 60_000).length;
    if (due === 0 && Object.values(counts).every((n) => n === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
