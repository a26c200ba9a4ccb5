// Time-to-merge of security updates as the digest reports it: two 90-day windows side by side, SLO attainment,
// and a 12-week trend. All of it is computed from merge samples so an organisation can pool its repos' samples.
import { summarise } from "../percentiles.js";
import type { MergeSample, SloAttainment, WeeklyPoint, WindowStats } from "./model.js";
import { weeksBefore } from "./week-of.js";

export const TTM_WINDOW_MS = 90 * 86_400_000;
export const TREND_WEEKS = 12;

export function sloOf(samples: readonly MergeSample[]): SloAttainment {
  const withinSla = samples.filter((sample) => sample.withinSla).length;
  return { merged: samples.length, withinSla, share: samples.length === 0 ? null : withinSla / samples.length };
}

/** Merges in [from, to); the current window passes `to` = now + 1 so that a merge at `now` counts. */
export function windowStats(samples: readonly MergeSample[], from: number, to: number): WindowStats {
  const inside = samples.filter((sample) => sample.mergedAt >= from && sample.mergedAt < to);
  return { from, to, summary: summarise(inside.map((sample) => sample.durationMs)), slo: sloOf(inside) };
}

export function ttmWindows(samples: readonly MergeSample[], now: number): { current: WindowStats; previous: WindowStats } {
  return {
    current: windowStats(samples, now - TTM_WINDOW_MS, now + 1),
    previous: windowStats(samples, now - 2 * TTM_WINDOW_MS, now - TTM_WINDOW_MS),
  };
}

export function weeklyTrend(samples: readonly MergeSample[], now: number, timezone: string): WeeklyPoint[] {
  return weeksBefore(now, timezone, TREND_WEEKS).map(({ week, from, to }) => {
    const summary = summarise(samples.filter((s) => s.mergedAt >= from && s.mergedAt < to).map((s) => s.durationMs));
    return { week, count: summary.count, medianMs: summary.medianMs };
  });
}
