// `npm run bench` (or `npm run bench -- --quick`): prints the figures that docs/BENCHMARKS.md records.
// Each comparison runs side by side in one run; the heavy ones are bounded (a few minutes in all).
import { cpus } from "node:os";
import { backfillScale } from "./backfill-scale.js";
import { ingestBenchmark } from "./ingest.js";
import { nudgeLateness } from "./nudge-lateness.js";
import { scaleBenchmark } from "./scale.js";
import { recognitionThroughput } from "./recognition-throughput.js";
import { writeThroughput } from "./write-throughput.js";

const quick = process.argv.includes("--quick") || process.env.BENCH_QUICK === "1";
const lines = [
  `Node ${process.version}, nproc ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${new Date().toISOString().slice(0, 16)}Z${quick ? ", --quick" : ""}`,
  "",
  ...recognitionThroughput(),
  "",
  ...(await ingestBenchmark(quick ? { prs: 20, perRound: 400, rounds: 1 } : { prs: 100, perRound: 1_500, rounds: 3 })),
  "",
  ...(await writeThroughput(quick ? 6 : 20)),
  "",
  ...(await scaleBenchmark()),
  // The backfill of 200 repos × 50 PRs takes about a minute and a half, each lateness run a minute: left out of a quick run.
  ...(quick ? [] : ["", ...(await backfillScale())]),
  ...(quick ? [] : ["", ...(await nudgeLateness({ inFlight: 200, due: 20 })), "", ...(await nudgeLateness({ inFlight: 2_000, due: 20 }))]),
];
console.log(lines.join("\n"));
process.exit(0);
