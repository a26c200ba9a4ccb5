// Writes per installation, end to end: new Dependabot PRs over 1 and over 8 installations, the real app
// with Probot's real Octokit throttling (no test override), until every PR has its check run. GitHub's
// content limits are per installation, so 8 installations should get about 8 times the PRs per second.
import { generateKeyPairSync } from "node:crypto";
import { performance } from "node:perf_hooks";
import { startApp } from "../src/start-app.js";
import { startFakeGitHub } from "../test/fake-github/index.js";
import { startRedis } from "../test/helpers/redis-server.js";
import { deliverWebhook } from "../test/helpers/sign-webhook.js";
import { DEPENDABOT, openPullRequest } from "../test/helpers/pull-requests.js";

const T = "2026-11-02T09:00:00Z";

type Fake = Awaited<ReturnType<typeof startFakeGitHub>>;
type TestRedis = Awaited<ReturnType<typeof startRedis>>;

/** One app per run; Fake and Redis are shared, because Probot's throttle connection outlives an app. */
async function run(fake: Fake, redis: TestRedis, ids: number[], perInstallation: number): Promise<{ prsPerSecond: number; callsPerWebhook: number; writes: number; refused: number }> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const app = await startApp({
    env: { APP_ID: String(fake.appId), PRIVATE_KEY: privateKey, WEBHOOK_SECRET: "s", GHE_HOST: fake.host, GHE_PROTOCOL: "http", REDIS_URL: redis.url, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "fatal" },
  });
  try {
    const prs: Array<{ installation: number; repo: string; number: number }> = [];
    const requestsBefore = fake.requests.length;
    const writesBefore = fake.writeCount();
    for (const i of ids) {
      fake.addInstallation({ id: i, account: { login: `org${i}`, type: "Organization" } });
      fake.addRepo({ owner: `org${i}`, name: "app" });
      for (let k = 0; k < perInstallation; k++) {
        const pr = openPullRequest(fake, `org${i}/app`, { at: T, user: DEPENDABOT, title: `Bump p${k} from 1.0.0 to 1.0.1`, head: { ref: `dependabot/npm_and_yarn/p${k}-1.0.1` } });
        prs.push({ installation: i, repo: `org${i}/app`, number: pr.number });
      }
    }
    const started = performance.now();
    // Dependabot opens its PRs one after the other; GitHub delivers installation by installation.
    for (const pr of prs) {
      const payload = { action: "opened", number: pr.number, pull_request: fake.pullRequestPayload(pr.repo, pr.number), repository: fake.repositoryPayload(pr.repo), installation: { id: pr.installation }, sender: { login: "dependabot[bot]", id: 49699333, type: "Bot" } };
      const result = await deliverWebhook(app.url + "/api/github/webhooks", "s", "pull_request", payload);
      if (result.status !== 200) throw new Error(`webhook answered ${result.status}`);
    }
    const checked = (): number =>
      prs.filter((pr) => {
        const sha = (fake.pull(pr.repo, pr.number) as { head: { sha: string } }).head.sha;
        return fake.checkRuns(pr.repo, sha).some((c) => c.name === "merge-discipline");
      }).length;
    while (checked() < prs.length) await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (performance.now() - started) / 1000;
    const requests = fake.requests.slice(requestsBefore);
    const calls = requests.filter((r) => !r.path.includes("/access_tokens") && r.path !== "/app").length;
    return {
      prsPerSecond: prs.length / seconds,
      callsPerWebhook: calls / prs.length,
      writes: fake.writeCount() - writesBefore,
      refused: requests.filter((r) => r.status === 403 || r.status === 429).length,
    };
  } finally {
    await app.stop();
  }
}

export async function writeThroughput(perInstallation: number): Promise<string[]> {
  const fake = await startFakeGitHub({ now: T });
  const redis = await startRedis();
  const one = await run(fake, redis, [1], perInstallation);
  const eight = await run(fake, redis, [11, 12, 13, 14, 15, 16, 17, 18], perInstallation);
  await fake.close();
  await redis.dispose();
  const row = (label: string, r: typeof one): string =>
    `| ${label} | ${r.prsPerSecond.toFixed(2)} | ${r.callsPerWebhook.toFixed(1)} | ${r.writes} | ${r.refused} |`;
  return [
    `New Dependabot PRs until each has its check run, ${perInstallation} per installation (each gets a check run, a comment and a label: 3 writes), real Octokit throttling:`,
    "",
    "| installations | PRs/s end to end | GitHub calls per webhook | writes | 403/429 answers |",
    "|---|---|---|---|---|",
    row("1", one),
    row("8", eight),
    "",
    `8 installations get ${(eight.prsPerSecond / one.prsPerSecond).toFixed(1)}× the PRs per second of one.`,
  ];
}
