// Commands in a PR comment: `/merge-discipline <verb> …` or `@<app-slug> <verb> …` at the start of a line of
// the writer's own prose (see live-lines.ts). Anything after the prefix that is not a command is returned as
// "invalid" with the reason, so the app can answer with help instead of staying silent.
import { parseDuration } from "../../config/duration.js";
import { closest, listWords } from "../../config/suggest.js";
import { liveLines } from "./live-lines.js";

export type Command =
  | { kind: "snooze"; text: string; durationMs: number; reason: string }
  | { kind: "unsnooze"; text: string }
  | { kind: "status"; text: string }
  | { kind: "help"; text: string }
  | { kind: "invalid"; text: string; problem: string };

/** One comment cannot make the app write more than this many replies. */
export const MAX_COMMANDS_PER_COMMENT = 3;
export const SLASH_PREFIX = "/merge-discipline";
export const VERBS = ["snooze", "unsnooze", "status", "help"] as const;

const DURATION_HINT = "use e.g. 30m, 36h, 2d or 1w";
/** Duration words: "3d", "1d12h"; several in a row ("1w 2d") are one duration, as parseDuration reads them. */
const DURATION_WORD = /^(?:\d+[a-z]+)+$/i;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function prefixPattern(appSlug: string): RegExp {
  const mention = appSlug === "" ? "" : `|@${escapeRegExp(appSlug)}(?:\\[bot\\])?`;
  return new RegExp(`^(?:${escapeRegExp(SLASH_PREFIX)}${mention})(?=\\s|$)(.*)$`, "i");
}

export function parseCommands(body: string, appSlug: string): Command[] {
  const prefix = prefixPattern(appSlug);
  const commands: Command[] = [];
  for (const line of liveLines(body)) {
    const match = prefix.exec(line);
    if (match === null) continue;
    commands.push(parseCommand(line.trimEnd(), (match[1] ?? "").trim()));
    if (commands.length === MAX_COMMANDS_PER_COMMENT) break;
  }
  return commands;
}

function parseCommand(text: string, rest: string): Command {
  const [word = "", ...args] = rest.split(/\s+/).filter((part) => part !== "");
  const verb = word.toLowerCase();
  if (verb === "") return { kind: "invalid", text, problem: `no command after ${SLASH_PREFIX}: ${listWords(VERBS)}` };
  // Trailing words after these verbs are notes to the humans reading the comment, not arguments.
  if (verb === "unsnooze" || verb === "status" || verb === "help") return { kind: verb, text };
  if (verb === "snooze") return parseSnooze(text, args);
  const guess = closest(verb, VERBS);
  const hint = guess === null ? `: use ${listWords(VERBS)}` : ` (did you mean "${guess}"?)`;
  return { kind: "invalid", text, problem: `"${word}" is not a command${hint}` };
}

function parseSnooze(text: string, args: string[]): Command {
  const first = args[0];
  if (first === undefined) return { kind: "invalid", text, problem: `snooze needs a duration, e.g. "snooze 3d waiting for a fix upstream"` };
  let words = 0;
  while (words < args.length && DURATION_WORD.test(args[words] ?? "")) words += 1;
  // The longest run of words that reads as one duration, so "snooze 3d 2fast…" still snoozes for 3d.
  for (let count = words; count > 0; count -= 1) {
    const durationMs = parseDuration(args.slice(0, count).join(" ").toLowerCase());
    if (durationMs !== null) return { kind: "snooze", text, durationMs, reason: args.slice(count).join(" ") };
  }
  return { kind: "invalid", text, problem: `"${first}" is not a duration: ${DURATION_HINT}` };
}
