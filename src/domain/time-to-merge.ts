// Time-to-merge per repository: what a security lead reads to see whether patches land.
import { resolveRepoLineages } from "./lineage.js";
import { summarise, type DurationSummary } from "./percentiles.js";
import type { PullRequestRecord } from "./pull-request-record.js";
import type { Severity, UpdateType } from "./types.js";

export const DEFAULT_STATS_WINDOW_MS = 90 * 24 * 3600 * 1000;

export interface RepoStats {
  repo: string;
  windowStart: number;
  windowEnd: number;
  merged: DurationSummary;
  byUpdateType: Partial<Record<UpdateType, DurationSummary>>;
  bySecurity: { security: DurationSummary; other: DurationSummary };
  bySeverity: Partial<Record<Severity | "unknown", DurationSummary>>;
  open: { count: number; oldestAgeMs: number | null };
  closedWithoutMerge: number;
  superseded: number;
}

interface Measured {
  record: PullRequestRecord;
  startedAt: number;
  superseded: boolean;
}

/** Every number is computed here from the records and `now`; nothing reads a clock. */
export function timeToMergeStats(
  repo: string,
  records: readonly PullRequestRecord[],
  now: number,
  windowMs: number = DEFAULT_STATS_WINDOW_MS,
): RepoStats {
  const windowStart = now - windowMs;
  const measured = withLineages(records);
  const mergedInWindow = measured.filter(
    (m) => m.record.state === "merged" && m.record.mergedAt !== null && m.record.mergedAt >= windowStart && m.record.mergedAt <= now,
  );
  const duration = (m: Measured): number => (m.record.mergedAt as number) - m.startedAt;
  const open = measured.filter((m) => m.record.state === "open");
  const closedInWindow = measured.filter(
    (m) => m.record.state === "closed" && (m.record.closedAt ?? 0) >= windowStart && (m.record.closedAt ?? 0) <= now,
  );
  return {
    repo,
    windowStart,
    windowEnd: now,
    merged: summarise(mergedInWindow.map(duration)),
    byUpdateType: summariseBy(mergedInWindow, (m) => m.record.update.updateType, duration),
    bySecurity: {
      security: summarise(mergedInWindow.filter((m) => m.record.update.security).map(duration)),
      other: summarise(mergedInWindow.filter((m) => !m.record.update.security).map(duration)),
    },
    bySeverity: summariseBy(
      mergedInWindow.filter((m) => m.record.update.security),
      (m) => m.record.update.severity ?? "unknown",
      duration,
    ),
    open: {
      count: open.length,
      oldestAgeMs: open.length === 0 ? null : Math.max(...open.map((m) => now - m.startedAt)),
    },
    closedWithoutMerge: closedInWindow.filter((m) => !m.superseded).length,
    superseded: closedInWindow.filter((m) => m.superseded).length,
  };
}

function withLineages(records: readonly PullRequestRecord[]): Measured[] {
  const lineages = resolveRepoLineages(records);
  return records.map((record) => {
    const fact = lineages.get(record.number);
    return { record, startedAt: fact?.startedAt ?? record.createdAt, superseded: fact?.superseded ?? false };
  });
}

function summariseBy<K extends string>(
  items: readonly Measured[],
  keyOf: (m: Measured) => K,
  duration: (m: Measured) => number,
): Partial<Record<K, DurationSummary>> {
  const groups = new Map<K, number[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), duration(item)]);
  }
  const out: Partial<Record<K, DurationSummary>> = {};
  for (const [key, durations] of groups) out[key] = summarise(durations);
  return out;
}
