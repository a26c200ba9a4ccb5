// Plain-text stats for the CLI: one line per population, so it reads well in a terminal and in CI logs.
import { formatDuration } from "./format-duration.js";
import type { DurationSummary } from "./percentiles.js";
import type { RepoStats } from "./time-to-merge.js";

const dur = (ms: number | null): string => (ms === null ? "-" : formatDuration(ms));

function row(label: string, s: DurationSummary): string {
  return `  ${label.padEnd(14)} merged ${String(s.count).padStart(4)}  median ${dur(s.medianMs).padEnd(8)} p90 ${dur(s.p90Ms).padEnd(8)} mean ${dur(s.meanMs)}`;
}

export function renderStatsText(stats: RepoStats): string {
  const days = Math.round((stats.windowEnd - stats.windowStart) / 86_400_000);
  const lines = [
    `${stats.repo}: time to merge over the last ${days === 1 ? "day" : `${days} days`} (clock starts at the first PR of each update's lineage)`,
    row("all", stats.merged),
    row("security", stats.bySecurity.security),
    row("other", stats.bySecurity.other),
  ];
  for (const [type, summary] of Object.entries(stats.byUpdateType)) if (summary) lines.push(row(type, summary));
  for (const [severity, summary] of Object.entries(stats.bySeverity)) if (summary) lines.push(row(`sec/${severity}`, summary));
  lines.push(
    `  open ${stats.open.count} (oldest ${dur(stats.open.oldestAgeMs)}), closed without merge ${stats.closedWithoutMerge}, superseded ${stats.superseded}`,
  );
  return lines.join("\n");
}
