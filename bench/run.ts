// `npm run bench`: prints the figures that docs/BENCHMARKS.md records.
import { cpus } from "node:os";
import { recognitionThroughput } from "./recognition-throughput.js";
import { webhookLatency } from "./webhook-latency.js";
import { backfillScale } from "./backfill-scale.js";

const lines = [
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${new Date().toISOString().slice(0, 10)}`,
  "",
  ...recognitionThroughput(),
  "",
  ...(await webhookLatency()),
  "",
  ...(await backfillScale()),
];
console.log(lines.join("\n"));
