// Installing on a big organisation: 200 repos × 50 bot PRs (48 merged inside the stats window, 2 open)
// and an alert each. Measures the time until the backfill is finished and what it asked of GitHub,
// then a daily reconciliation of the same org twice (the second one answered by ETags).
import { performance } from "node:perf_hooks";
import { eventually, startHarness, type Harness } from "../test/helpers/app-harness.js";
import { DEPENDABOT, mergePullRequest, openPullRequest, RENOVATE } from "../test/helpers/pull-requests.js";

const REPOS = Number(process.env.BENCH_BACKFILL_REPOS ?? 200);
const PRS = Number(process.env.BENCH_BACKFILL_PRS ?? 50);
const DAY = 86_400_000;

function seed(h: Harness): void {
  const now = Date.now();
  const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
  for (let r = 0; r < REPOS; r++) {
    const repo = `acme/repo-${r}`;
    h.fake.addRepo({ owner: "acme", name: `repo-${r}` });
    h.fake.addDependabotAlert(repo, { package: `lib-${r}`, severity: "high", first_patched_version: "2.0.1" });
    for (let i = 0; i < PRS; i++) {
      const created = now - (80 - i) * DAY;
      const open = i >= PRS - 2;
      const user = i % 2 === 0 ? DEPENDABOT : RENOVATE;
      const title = user === DEPENDABOT ? `Bump pkg-${i} from 1.0.${i} to 1.0.${i + 1}` : `Update dependency pkg-${i} to v1.0.${i + 1}`;
      const ref = user === DEPENDABOT ? `dependabot/npm_and_yarn/pkg-${i}-1.0.${i + 1}` : `renovate/pkg-${i}-1.x`;
      const pr = openPullRequest(h.fake, repo, { at: iso(created), user, title, head: { ref } });
      if (!open) mergePullRequest(pr, iso(created + DAY / 2));
    }
  }
  h.fake.setNow(new Date());
}

const count = (h: Harness, from: number, path: RegExp): number => h.fake.requests.slice(from).filter((r) => path.test(r.path)).length;

export async function backfillScale(): Promise<string[]> {
  const h = await startHarness();
  try {
    h.fake.addRepo({ owner: "acme", name: ".github" });
    seed(h);
    h.fake.setRateLimit(1, { limit: 1_000_000, remaining: 1_000_000 });
    const redis = (await import("ioredis")).Redis;
    const client = new redis(h.redis.url);
    const start = performance.now();
    await h.installationEvent("created");
    await eventually(async () => (await client.hget("{merge-discipline}:installation:1:backfill", "finishedAt")) !== null, 30 * 60_000);
    const ms = performance.now() - start;
    const requests = h.fake.requests.length;
    const lists = count(h, 0, /^\/repos\/[^/]+\/[^/]+\/pulls$/);
    const alerts = count(h, 0, /\/dependabot\/alerts$/);
    const recorded = await client.zcard(`{merge-discipline}:repo:1:${Number(h.fake.repositoryPayload("acme/repo-0").id)}:prs`);

    const reconcile = async (): Promise<{ requests: number; notModified: number }> => {
      const before = h.fake.requests.length;
      await h.app.runJob({ name: "reconcile-installation", data: { installationId: 1 } });
      await eventually(() => count(h, before, /\/dependabot\/alerts$/) >= REPOS + 1, 10 * 60_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const made = h.fake.requests.slice(before).filter((r) => /^\/repos\/|^\/installation\/repositories$/.test(r.path) && !/\/check-runs|\/comments|\/labels|\/contents|\/commits/.test(r.path));
      return { requests: made.length, notModified: made.filter((r) => r.status === 304).length };
    };
    const first = await reconcile();
    const second = await reconcile();
    client.disconnect();
    const repos = REPOS + 1;
    return [
      `Backfill of ${REPOS} repos × ${PRS} bot PRs (${PRS - 2} merged inside the window, 2 open, 1 alert each) on install:`,
      "",
      "| measure | value |",
      "|---|---|",
      `| time until the backfill finished (all recorded, evaluations queued, org digest queued) | ${(ms / 1000).toFixed(1)} s |`,
      `| PRs recorded per repo | ${recorded} |`,
      `| pull list requests | ${lists} (${(lists / repos).toFixed(1)} per repo) |`,
      `| alert list requests | ${alerts} (${(alerts / repos).toFixed(1)} per repo) |`,
      `| all API requests until finished (evaluations of open PRs included) | ${requests} |`,
      `| daily reconciliation, first run: reconciliation requests | ${first.requests} (${(first.requests / repos).toFixed(2)} per repo), ${first.notModified} answered 304 |`,
      `| daily reconciliation, next day, nothing changed | ${second.requests} (${(second.requests / repos).toFixed(2)} per repo), ${second.notModified} answered 304 |`,
    ];
  } finally {
    await h.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await backfillScale()).join("\n"));
