// The "merge-discipline gate" check on the other open PRs of a repository while a security fix there is
// overdue: a nudge to merge the fix first. A separate name, so it never replaces the PR check on an update.
import type { CheckRunSpec } from "../../github/github-writes.js";
import type { GateMode } from "../policy.js";
import type { Severity } from "../types.js";
import { escapeUntrusted } from "../markdown-escape.js";
import { dayCount } from "./format-days.js";

export const GATE_CHECK_NAME = "merge-discipline gate";

export interface OverdueFix {
  number: number;
  /** "owner/name" */
  repo: string;
  title: string;
  severity: Severity | null;
  overdueByMs: number;
  url?: string;
}

export interface GateCheckInput {
  /** "off" with overdue fixes renders a success that says so: switching the gate off flips the checks back. */
  mode: GateMode;
  overdue: readonly OverdueFix[];
  now: number;
}

const MAX_LISTED = 20;
const RANK: Record<Severity | "unknown", number> = { critical: 0, high: 1, moderate: 2, low: 3, unknown: 4 };
const REPO_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/** https only, and nothing that could end the markdown link early or start another. */
const SAFE_URL = /^https:\/\/[^\s()<>[\]"'`\\]+$/;

export function renderGateCheck(input: GateCheckInput): CheckRunSpec {
  const count = input.overdue.length;
  if (count === 0) {
    return {
      name: GATE_CHECK_NAME,
      status: "completed",
      conclusion: "success",
      title: "No overdue security fixes",
      summary: "No security update at or above the gate's severity is past its SLA in this repository.",
    };
  }
  if (input.mode === "off") {
    return {
      name: GATE_CHECK_NAME,
      status: "completed",
      conclusion: "success",
      title: "Gate is switched off",
      summary: "The gate is switched off (`gate.mode: off` in `.github/merge-discipline.yml`).",
    };
  }
  const fixes = count === 1 ? "1 overdue security fix" : `${count} overdue security fixes`;
  const effect =
    input.mode === "block"
      ? "This check fails until they are merged (`gate.mode: block` in `.github/merge-discipline.yml`)."
      : "This check is a warning only (`gate.mode: warn` in `.github/merge-discipline.yml`).";
  return {
    name: GATE_CHECK_NAME,
    status: "completed",
    conclusion: input.mode === "block" ? "failure" : "neutral",
    title: input.mode === "block" ? `Blocked: ${fixes}` : `${fixes} — merge ${count === 1 ? "it" : "them"} first`,
    summary: [`**Merge the security fix first.** ${capitalise(fixes)} past ${count === 1 ? "its" : "their"} SLA:`, listLines(input.overdue), effect].join("\n\n"),
  };
}

function listLines(overdue: readonly OverdueFix[]): string {
  // Most severe first, then the longest overdue: the order in which they should be merged. The input's order
  // does not matter, so the summary (and the caller's "unchanged" check) does not depend on it.
  const sorted = [...overdue].sort(
    (a, b) =>
      RANK[a.severity ?? "unknown"] - RANK[b.severity ?? "unknown"] ||
      b.overdueByMs - a.overdueByMs ||
      a.repo.localeCompare(b.repo) ||
      a.number - b.number,
  );
  const lines = sorted.slice(0, MAX_LISTED).map(fixLine);
  if (sorted.length > MAX_LISTED) lines.push(`- …and ${sorted.length - MAX_LISTED} more`);
  return lines.join("\n");
}

function fixLine(fix: OverdueFix): string {
  const reference = REPO_NAME.test(fix.repo) ? `${fix.repo}#${fix.number}` : escapeUntrusted(`${fix.repo}#${fix.number}`, 120);
  const linked = fix.url !== undefined && SAFE_URL.test(fix.url) ? `[${reference}](${fix.url})` : reference;
  const severity = fix.severity === null ? "unknown severity" : `**${fix.severity}** severity`;
  return `- ${linked} ${escapeUntrusted(fix.title, 120)} — ${severity}, overdue by ${dayCount(fix.overdueByMs)}`;
}

const capitalise = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
