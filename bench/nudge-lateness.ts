// A nudge lands on time while many PRs are in flight: the real app (web and worker in one process), a
// queue holding the timed looks of `inFlight` tracked PRs, and `due` PRs whose SLA runs out a few seconds
// apart in the next minute. Measures how late each nudge reached GitHub after its SLA's due moment.
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { BullMqJobQueue } from "../src/queue/bullmq-job-queue.js";
import { QueueEvaluationScheduler } from "../src/queue/evaluation-scheduler.js";
import { RedisPullRequestStore } from "../src/store/redis-pull-request-store.js";
import { eventually, startHarness } from "../test/helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../test/helpers/pull-requests.js";
import { DAY, record } from "../test/helpers/records.js";

const CONFIG = `
sla:
  patch: 1d
escalation:
  stages:
    - at: 100%
      mention: none
`;
const REPO = "acme/ledger";

export async function nudgeLateness(options: { inFlight: number; due: number }): Promise<string[]> {
  const h = await startHarness({ env: { EVALUATION_DEBOUNCE_MS: "2000" } });
  const redis = new Redis(h.redis.url);
  const queue = new BullMqJobQueue(redis);
  try {
    h.fake.addRepo({ owner: "acme", name: "ledger" });
    h.fake.setFile(REPO, ".github/merge-discipline.yml", CONFIG);

    // The PRs in flight: recorded, each with its next look queued days ahead, as a busy installation has.
    const store = new RedisPullRequestStore(redis);
    const scheduler = new QueueEvaluationScheduler(queue, Date.now);
    const now = Date.now();
    for (let i = 0; i < options.inFlight; i += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, options.inFlight - i) }, async (_, k) => {
          const n = 10_000 + i + k;
          const tracked = record({ number: n, installationId: 1, repoId: 9_000 + (n % 200), repo: `acme/busy-${n % 200}`, createdAt: now - DAY });
          await store.upsert(tracked);
          await scheduler.schedule(tracked, tracked.repo, now + DAY + (n % 5_000) * 60_000, 8);
        }),
      );
    }

    // PRs whose one-day SLA runs out 30 s from now and then every 2 s: opened by webhook, timed by the app.
    const dueAt: number[] = [];
    const prs: Array<ReturnType<typeof openPullRequest>> = [];
    const second = (t: number): number => Math.floor(t / 1000) * 1000;
    const first = second(Date.now()) + 30_000;
    for (let i = 0; i < options.due; i++) {
      const due = first + i * 2_000;
      dueAt.push(due);
      prs.push(
        openPullRequest(h.fake, REPO, {
          at: new Date(due - DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
          user: DEPENDABOT,
          title: `Bump lib-${i} from 1.0.0 to 1.0.1`,
          head: { ref: `dependabot/npm_and_yarn/lib-${i}-1.0.1` },
        }),
      );
    }
    for (const pr of prs) await h.pullRequestEvent("opened", REPO, pr.number);
    const posted = (number: number): Date | undefined =>
      h.fake.requests.find((r) => r.method === "POST" && r.path === `/repos/${REPO}/issues/${number}/comments` && r.status === 201)?.at;
    const start = performance.now();
    await eventually(() => prs.every((pr) => posted(pr.number) !== undefined), 5 * 60_000);
    const lateness = prs.map((pr, i) => ((posted(pr.number) as Date).getTime() - (dueAt[i] as number)) / 1000).sort((a, b) => a - b);
    const at = (q: number): number => lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))] as number;
    const waiting = await queue.queue.getJobCounts("delayed", "waiting", "prioritized");
    return [
      `Nudge lateness: ${options.due} nudges falling due 2 s apart, ${options.inFlight} other PRs in flight (${waiting.delayed} delayed jobs in the queue), one process:`,
      "",
      "| nudges | p50 late | p90 late | max late | early | waited in all |",
      "|---|---|---|---|---|---|",
      `| ${options.due} | ${at(0.5).toFixed(1)} s | ${at(0.9).toFixed(1)} s | ${(lateness.at(-1) as number).toFixed(1)} s | ${lateness.filter((s) => s < 0).length} | ${((performance.now() - start) / 1000).toFixed(0)} s |`,
    ];
  } finally {
    await queue.close();
    redis.disconnect();
    await h.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await nudgeLateness({ inFlight: Number(process.env.BENCH_IN_FLIGHT ?? 2_000), due: 20 })).join("\n"));
  process.exit(0);
}
