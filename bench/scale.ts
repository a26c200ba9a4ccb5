// How the costs that grow with an installation grow: `stats` of one large repo (in-process and through the
// CLI's own process), the weekly digest of 2,000 repos / 20,000 PRs built from Redis (time and GitHub
// requests), Redis memory per tracked PR and the process's RSS. Each is measured at 1/10 of the size and at
// full size, so the ratio says whether it grows linearly.
import { spawn, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { digestCommand } from "../src/cli/digest-command.js";
import { timeToMergeStats } from "../src/domain/time-to-merge.js";
import { RedisAlertStore } from "../src/store/redis-alert-store.js";
import { RedisPolicyStore } from "../src/store/redis-policy-store.js";
import { RedisPullRequestStore } from "../src/store/redis-pull-request-store.js";
import { POLICY_SHAPE_VERSION } from "../src/store/policy-store.js";
import type { PullRequestRecord } from "../src/domain/pull-request-record.js";
import { startFakeGitHub } from "../test/fake-github/index.js";
import { TestOctokit, WEBHOOK_SECRET } from "../test/helpers/app-harness.js";
import { captureIo } from "../test/helpers/capture-io.js";
import { DAY, merged, record, update } from "../test/helpers/records.js";
import { startRedis } from "../test/helpers/redis-server.js";
import { generateKeyPairSync } from "node:crypto";

const INSTALLATION = 1;
const BIG_REPO_ID = 1;

interface Size {
  repos: number;
  prsPerRepo: number;
  bigRepoPrs: number;
}

export const FULL: Size = { repos: 2_000, prsPerRepo: 10, bigRepoPrs: 2_000 };
const TENTH: Size = { repos: 200, prsPerRepo: 10, bigRepoPrs: 200 };

/** A repo's PRs as the app records them: mostly merged over the window, some open, one in five security. */
function repoRecords(repoId: number, repo: string, count: number, now: number): PullRequestRecord[] {
  const records: PullRequestRecord[] = [];
  for (let i = 0; i < count; i++) {
    const security = i % 5 === 0;
    const name = `pkg-${i}`;
    const createdAt = now - (85 - (i % 80)) * DAY - i * 1_000;
    const base = record({
      number: i + 1,
      installationId: INSTALLATION,
      repoId,
      repo,
      createdAt,
      headRef: `dependabot/npm_and_yarn/${name}-1.0.${i + 1}`,
      title: `Bump ${name} from 1.0.${i} to 1.0.${i + 1}`,
      update: update({
        packages: [{ name, from: `1.0.${i}`, to: `1.0.${i + 1}` }],
        updateType: i % 7 === 0 ? "major" : i % 3 === 0 ? "minor" : "patch",
        security,
        severity: security ? (["critical", "high", "moderate", "low"] as const)[i % 4] : null,
        advisories: security ? [`GHSA-${String(i).padStart(4, "0")}-abcd-efgh`] : [],
      }),
    });
    records.push(i % 10 === 9 ? base : merged(base, createdAt + ((i % 9) + 1) * DAY / 3));
  }
  return records;
}

async function seed(redis: Redis, size: Size, now: number): Promise<number> {
  const store = new RedisPullRequestStore(redis);
  const policies = new RedisPolicyStore(redis);
  const alerts = new RedisAlertStore(redis);
  const repos = [{ repoId: BIG_REPO_ID, name: "acme/big", prs: size.bigRepoPrs }];
  for (let r = 0; r < size.repos; r++) repos.push({ repoId: 1_000 + r, name: `acme/repo-${r}`, prs: size.prsPerRepo });
  let written = 0;
  for (const repo of repos) {
    const location = { installationId: INSTALLATION, repoId: repo.repoId };
    const records = repoRecords(repo.repoId, repo.name, repo.prs, now);
    await Promise.all(records.map((r) => store.upsert(r)));
    // What pushes, `dependabot_alert` webhooks and the daily reconciliation keep in Redis.
    await policies.save(location, { policy: null, problems: [], sourceId: "defaults", reportedSourceId: null, loadedAt: now, shape: POLICY_SHAPE_VERSION });
    await alerts.replaceAll(location, [], now);
    written += records.length;
  }
  return written;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const usedMemory = async (redis: Redis): Promise<number> => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1] ?? NaN);

async function statsInProcess(redis: Redis, now: number): Promise<number> {
  const store = new RedisPullRequestStore(redis);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    const location = await store.findRepo("acme/big");
    if (!location) throw new Error("acme/big not recorded");
    timeToMergeStats("acme/big", await store.listRepo(location), now);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The CLI as a user runs it: a new Node process (through tsx here, as the repo is not built for the bench). */
function statsCli(redisUrl: string, repo: string): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/bin.ts", "stats", "--repo", repo, "--json"], {
      env: { ...process.env, REDIS_URL: redisUrl },
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`stats CLI failed: ${run.stderr}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Peak RSS of a process of its own that builds every repo's digest from the tracked PRs. Spawned without
 * blocking: the fake GitHub it reads the org config from lives in this process.
 */
async function digestProcessRss(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/digest-child.ts"], { env: { ...process.env, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const answer = JSON.parse(stdout.trim().split("\n").pop() || "{}") as { code?: number; maxRssMb?: number };
  if (status !== 0 || answer.code !== 0) throw new Error(`digest process failed: ${stderr}`);
  return answer.maxRssMb ?? NaN;
}

interface Measured {
  size: Size;
  prs: number;
  bytesPerPr: number;
  statsMs: number;
  statsCliMs: number;
  tinyCliMs: number;
  digestMs: number;
  digestRequests: number;
  digestRepos: number;
  rssMb: number;
  idleRssMb: number;
}

async function measure(size: Size): Promise<Measured> {
  const redisServer = await startRedis();
  const fake = await startFakeGitHub();
  const redis = new Redis(redisServer.url);
  try {
    fake.addInstallation({ id: INSTALLATION, account: { login: "acme", type: "Organization" } });
    fake.addRepo({ owner: "acme", name: ".github" });
    const now = Date.now();
    const env = {
      APP_ID: String(fake.appId),
      PRIVATE_KEY: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      WEBHOOK_SECRET,
      GHE_HOST: fake.host,
      GHE_PROTOCOL: "http",
      REDIS_URL: redisServer.url,
      LOG_LEVEL: "fatal" as const,
    };
    const idleRssMb = await digestProcessRss(env);
    const before = await usedMemory(redis);
    const prs = await seed(redis, size, now);
    const bytesPerPr = ((await usedMemory(redis)) - before) / prs;
    // A tiny repo, to show what the CLI's process start alone costs.
    await Promise.all(repoRecords(2, "acme/tiny", 3, now).map((r) => new RedisPullRequestStore(redis).upsert(r)));

    const statsMs = await statsInProcess(redis, now);
    const statsCliMs = statsCli(redisServer.url, "acme/big");
    const tinyCliMs = statsCli(redisServer.url, "acme/tiny");

    const requestsBefore = fake.requests.length;
    const { io, stdout } = captureIo(env, now);
    const start = performance.now();
    const code = await digestCommand(["--installation", String(INSTALLATION), "--dry-run"], io, { Octokit: TestOctokit });
    const digestMs = performance.now() - start;
    if (code !== 0) throw new Error(`digest failed with ${code}`);
    const digestRepos = (stdout().match(/<!-- repo:/g) ?? []).length;
    return {
      size,
      prs,
      bytesPerPr,
      statsMs,
      statsCliMs,
      tinyCliMs,
      digestMs,
      digestRequests: fake.requests.length - requestsBefore,
      digestRepos,
      rssMb: await digestProcessRss(env),
      idleRssMb,
    };
  } finally {
    redis.disconnect();
    await fake.close();
    await redisServer.stop();
  }
}

export async function scaleBenchmark(): Promise<string[]> {
  const small = await measure(TENTH);
  const full = await measure(FULL);
  const row = (label: string, pick: (m: Measured) => number, digits = 1): string => {
    const a = pick(small);
    const b = pick(full);
    return `| ${label} | ${a.toFixed(digits)} | ${b.toFixed(digits)} | ${(b / a).toFixed(1)}× |`;
  };
  return [
    `Scale: ${TENTH.repos} → ${FULL.repos} repos × ${FULL.prsPerRepo} PRs, plus one repo of ${TENTH.bigRepoPrs} → ${FULL.bigRepoPrs} PRs (sizes ×10):`,
    "",
    "| measure | 1/10 | full | full ÷ 1/10 |",
    "|---|---|---|---|",
    row("tracked PRs", (m) => m.prs, 0),
    row("Redis memory per tracked PR (bytes)", (m) => m.bytesPerPr, 0),
    row("`stats` of the large repo, in-process (ms)", (m) => m.statsMs),
    row("`stats` of the large repo, CLI process (ms)", (m) => m.statsCliMs, 0),
    row("`stats` of a 3-PR repo, CLI process (ms)", (m) => m.tinyCliMs, 0),
    row("weekly digest of every repo, built from Redis (ms)", (m) => m.digestMs, 0),
    row("repo digests built", (m) => m.digestRepos, 0),
    row("GitHub requests made by that digest", (m) => m.digestRequests, 0),
    row("peak RSS of a process building that digest (MB)", (m) => m.rssMb, 0),
    row("the same process with no PRs tracked (MB)", (m) => m.idleRssMb, 0),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await scaleBenchmark()).join("\n"));
  process.exit(0);
}
