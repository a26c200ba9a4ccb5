// The app's answers to comment commands. Plain statements from the app (it does not speak as a person);
// every login, reason and problem a user wrote is escaped, and each reply ends with the caller's hidden
// marker so that answering the same command comment again updates the reply instead of adding one.
import { formatDuration } from "../format-duration.js";
import { escapeUntrusted, inlineCode } from "../markdown-escape.js";
import { formatInstant } from "../render-nudge.js";
import type { SnoozeState } from "../check-run/pr-check-input.js";
import { SLASH_PREFIX } from "./parse-commands.js";

const CONFIG_FILE = "`.github/merge-discipline.yml`";
const SNOOZE_EXAMPLE = `\`${SLASH_PREFIX} snooze 3d waiting for a fix upstream\``;
/** Slugs are GitHub's own (lower-case letters, digits, dashes); anything else is shown escaped. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,33}$/i;

const withMarker = (body: string, marker: string): string => `${body}\n\n${marker}\n`;
const who = (login: string): string => escapeUntrusted(login, 40);

function helpBody(appSlug: string): string {
  // In a code span `@slug` is no mention, and written out plainly (no zero-width space) it can be copied.
  const mention = SLUG.test(appSlug) ? `\`@${appSlug}\`` : inlineCode(`@${appSlug}`, 40);
  return [
    "**merge-discipline commands.** Write one per line at the start of a comment on this pull request; quoted lines and code are ignored.",
    "",
    "| Command | What it does |",
    "|---|---|",
    `| \`${SLASH_PREFIX} snooze <duration> [reason]\` | Pauses reminders and escalation for this update, e.g. ${SNOOZE_EXAMPLE}. Durations: \`30m\`, \`36h\`, \`2d\`, \`1w\`; each class has a longest snooze (\`snooze.max\`). Needs write access or a place in \`snooze.allow\`. |`,
    `| \`${SLASH_PREFIX} unsnooze\` | Ends a snooze: reminders are back on. |`,
    `| \`${SLASH_PREFIX} status\` | Shows the update's SLA, due date, next reminder, CI and snooze. |`,
    `| \`${SLASH_PREFIX} help\` | Shows this help. |`,
    "",
    `${mention} works in place of \`${SLASH_PREFIX}\`. The buttons on the merge-discipline check snooze for a day or a week.`,
  ].join("\n");
}

export function renderHelp(appSlug: string, marker: string): string {
  return withMarker(helpBody(appSlug), marker);
}

export function renderInvalidCommand(problem: string, appSlug: string, marker: string): string {
  return withMarker(`**Command not understood:** ${escapeUntrusted(problem, 300)}\n\n${helpBody(appSlug)}`, marker);
}

export interface SnoozeReplyInput {
  actor: string;
  until: number;
  capped: boolean;
  maxMs: number;
  reason: string;
  now: number;
}

export function renderSnoozeReply(input: SnoozeReplyInput, marker: string): string {
  const reason = input.reason.trim() === "" ? "" : `: ${escapeUntrusted(input.reason, 200)}`;
  const lines = [
    `**Snoozed for ${formatDuration(input.until - input.now)}**, until ${formatInstant(input.until)}, by ${who(input.actor)}${reason}`,
    "",
    "Reminders and escalation for this update pause until then. The SLA due date does not move.",
  ];
  if (input.capped) {
    lines.push(
      "",
      `The snooze was cut to ${formatDuration(input.maxMs)}, the longest allowed for this update's class (\`snooze.max\` in ${CONFIG_FILE}).`,
    );
  }
  lines.push("", `To end it early: \`${SLASH_PREFIX} unsnooze\`.`);
  return withMarker(lines.join("\n"), marker);
}

/** What was refused: a snooze (from a comment or a button), ending one, or an acknowledgement (the check's button). */
export type RefusedAction = "snooze" | "unsnooze" | "ack";

const REFUSED_HEADLINE: Record<RefusedAction, string> = { snooze: "Not snoozed", unsnooze: "Snooze not ended", ack: "Not acknowledged" };
const REFUSED_VERB: Record<RefusedAction, string> = { snooze: "change snoozes", unsnooze: "change snoozes", ack: "acknowledge updates" };

export function renderSnoozeRefused(why: "not-allowed" | "too-short", actor: string, marker: string, action: RefusedAction = "snooze"): string {
  const body =
    why === "not-allowed"
      ? `**${REFUSED_HEADLINE[action]}:** ${who(actor)} cannot ${REFUSED_VERB[action]} here. That takes write access to this repository, or a place in \`snooze.allow\` in ${CONFIG_FILE}.`
      : `**Not snoozed:** a snooze lasts at least 1 minute, e.g. ${SNOOZE_EXAMPLE}.`;
  return withMarker(body, marker);
}

export interface UnsnoozeReplyInput {
  actor: string;
  /** The snooze that was ended, or null when there was none. */
  previous: SnoozeState | null;
}

export function renderUnsnoozeReply(input: UnsnoozeReplyInput, marker: string): string {
  if (input.previous === null) return withMarker("**Nothing to unsnooze:** this update was not snoozed; reminders are on.", marker);
  const { until, by } = input.previous;
  return withMarker(
    `**Snooze ended** by ${who(input.actor)}: reminders and escalation for this update are back on. ` +
      `(It was snoozed until ${formatInstant(until)} by ${who(by)}.)`,
    marker,
  );
}
