// How fast the app answers GitHub: signed pull_request webhooks against the real app, real Redis and
// the fake GitHub, sequentially and 20 at a time. GitHub gives a webhook 10 s; the app should answer
// in milliseconds because it only records and enqueues.
import { performance } from "node:perf_hooks";
import { startHarness } from "../test/helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../test/helpers/pull-requests.js";

const PRS = Number(process.env.BENCH_PRS ?? 400);
const CONCURRENCY = 20;

function stats(samples: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

export async function webhookLatency(): Promise<string[]> {
  const h = await startHarness();
  try {
    h.fake.addRepo({ owner: "acme", name: "bench" });
    h.fake.setFile("acme/bench", ".github/merge-discipline.yml", "enabled: false\n");
    const numbers: number[] = [];
    for (let i = 0; i < PRS; i++) {
      const pr = openPullRequest(h.fake, "acme/bench", {
        at: new Date().toISOString(),
        user: DEPENDABOT,
        title: `Bump package-${i} from 1.0.${i} to 1.0.${i + 1}`,
        head: { ref: `dependabot/npm_and_yarn/package-${i}-1.0.${i + 1}` },
      });
      numbers.push(pr.number);
    }
    const timed = async (n: number, action: string): Promise<number> => {
      const start = performance.now();
      const result = await h.pullRequestEvent(action, "acme/bench", n);
      if (result.status !== 200) throw new Error(`webhook answered ${result.status}`);
      return performance.now() - start;
    };
    const sequential: number[] = [];
    for (const n of numbers.slice(0, PRS / 2)) sequential.push(await timed(n, "opened"));
    const concurrent: number[] = [];
    const rest = numbers.slice(PRS / 2);
    const started = performance.now();
    for (let i = 0; i < rest.length; i += CONCURRENCY) {
      concurrent.push(...(await Promise.all(rest.slice(i, i + CONCURRENCY).map((n) => timed(n, "opened")))));
    }
    const throughput = (rest.length / (performance.now() - started)) * 1000;
    const row = (label: string, s: ReturnType<typeof stats>): string =>
      `| ${label} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(1)} |`;
    return [
      `Webhook answer time (ms), \`pull_request.opened\` for a Dependabot PR, ${PRS / 2} deliveries each:`,
      "",
      "| mode | p50 | p95 | p99 | max |",
      "|---|---|---|---|---|",
      row("one at a time", stats(sequential)),
      row(`${CONCURRENCY} at a time`, stats(concurrent)),
      "",
      `Throughput at ${CONCURRENCY} concurrent deliveries: ${throughput.toFixed(0)} webhooks/s.`,
    ];
  } finally {
    await h.stop();
  }
}
