// How fast security patches land: two windows side by side, the SLO line, and the 12-week chart.
import type { SloAttainment, WeeklyPoint, WindowStats } from "./model.js";
import { durationText, percent } from "./render-cells.js";

const DAY_MS = 86_400_000;

export function ttmComparison(ttm: { current: WindowStats; previous: WindowStats }): string {
  const { current, previous } = ttm;
  const row = (label: string, pick: (w: WindowStats) => string): string => `| ${label} | ${pick(current)} | ${pick(previous)} |`;
  return [
    "### Time to merge, security updates",
    "",
    "| | Last 90 days | The 90 days before |",
    "|---|---|---|",
    row("Merged", (w) => String(w.summary.count)),
    row("Median", (w) => durationText(w.summary.medianMs)),
    row("90th percentile", (w) => durationText(w.summary.p90Ms)),
  ].join("\n");
}

function attainment(slo: SloAttainment): string {
  return slo.share === null ? "no security update merged" : `${percent(slo.share)} (${slo.withinSla} of ${slo.merged})`;
}

/** The SLO as one sentence: the share merged within SLA now, and which way it moved. */
export function sloLine(current: SloAttainment, previous: SloAttainment): string {
  if (current.share === null) return "**SLO:** no security update was merged in the last 90 days.";
  const before =
    previous.share === null
      ? ""
      : previous.share === current.share
        ? `, the same as the 90 days before`
        : `, ${current.share > previous.share ? "up" : "down"} from ${attainment(previous)} the 90 days before`;
  return `**SLO:** ${attainment(current)} of security updates merged within their SLA in the last 90 days${before}.`;
}

const days = (ms: number): string => String(Math.round((ms / DAY_MS) * 10) / 10);

/**
 * A Mermaid bar chart, which GitHub renders. xychart has no gaps, so a week without a merge is a 0 bar
 * and the caption says so; bars (not a line) keep that 0 from reading as "instant".
 */
export function trendChart(trend: readonly WeeklyPoint[]): string {
  const heading = `### Weekly median time to merge, security updates (last ${trend.length} weeks)`;
  if (trend.every((point) => point.medianMs === null)) {
    return `${heading}\n\nNo security update was merged in these weeks.`;
  }
  const values = trend.map((point) => (point.medianMs === null ? "0" : days(point.medianMs)));
  const top = Math.max(1, Math.ceil(Math.max(...values.map(Number))));
  const labels = trend.map((point) => `"${point.week.slice(5)}"`).join(", ");
  const chart = [
    "```mermaid",
    "xychart-beta",
    '  title "Median days to merge, by week"',
    `  x-axis [${labels}]`,
    `  y-axis "Days" 0 --> ${top}`,
    `  bar [${values.join(", ")}]`,
    "```",
  ].join("\n");
  const empty = trend.filter((point) => point.medianMs === null).length;
  const caption = empty > 0 ? `\n\nWeeks starting on the Monday shown; ${empty} without a merged security update show as 0.` : "\n\nWeeks starting on the Monday shown.";
  return `${heading}\n\n${chart}${caption}`;
}
