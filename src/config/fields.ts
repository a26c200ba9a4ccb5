// The leaf kinds of the config file. Each message names the value the user wrote and what would be accepted.
import type { EscalationStage } from "../domain/policy.js";
import { canonicalDuration, DURATION_PATTERN, parseDuration } from "./duration.js";
import type { Field, Parsed } from "./field.js";
import { leaf } from "./field.js";
import { closest, listWords } from "./suggest.js";

const SECOND = 1_000;
const DAY = 86_400_000;
/** Tests run with 20s SLAs; past a year an SLA is no longer a target anyone acts on. */
export const DURATION_RANGE = { min: 10 * SECOND, max: 365 * DAY, text: "between 10s and 365d" } as const;
export const PERCENT_RANGE = { min: 1, max: 1000, text: "between 1% and 1000%" } as const;
const LABEL_MAX = 50;

export const LOGIN_PATTERN = "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$";
export const TEAM_PATTERN = "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$";
const PERCENT_PATTERN = "\\d+(?:\\.\\d+)?%";
const TIME_PATTERN = "^(?:[01]?\\d|2[0-3]):[0-5]\\d$|^24:00$";

const DURATION_HINT = "use 30s, 15m, 36h, 2d or 1w";
const quote = (raw: unknown): string => (typeof raw === "string" ? JSON.stringify(raw) : String(raw));
const fail = (problem: string): { problem: string } => ({ problem });

interface LeafDocs {
  doc: string;
  default?: unknown;
}

export function bool(spec: LeafDocs): Field<boolean> {
  return leaf({
    ...spec,
    type: "boolean",
    schema: { type: "boolean" },
    parse: (raw) => (typeof raw === "boolean" ? { value: raw } : fail(`${quote(raw)} is not true or false`)),
  });
}

/** Also what a stage's `at` falls back to, so both report durations the same way. */
function readDuration(raw: unknown): Parsed<number> {
  if (typeof raw === "number") return fail(`${raw} is not a duration: add a unit, e.g. ${raw}d`);
  if (typeof raw !== "string") return fail(`must be a duration: ${DURATION_HINT}`);
  const negative = raw.trim().startsWith("-");
  const ms = parseDuration(negative ? raw.trim().slice(1) : raw);
  if (ms === null) return fail(`${quote(raw)} is not a duration: ${DURATION_HINT}`);
  if (negative || ms < DURATION_RANGE.min || ms > DURATION_RANGE.max) {
    return fail(`${quote(raw)} is out of range: use a duration ${DURATION_RANGE.text}`);
  }
  return { value: ms };
}

export function duration(spec: LeafDocs): Field<number> {
  return leaf({ ...spec, type: "duration", schema: { type: "string", pattern: `^${DURATION_PATTERN}$` }, parse: readDuration });
}

export type StageAt = Pick<EscalationStage, "id" | "at">;

function readPercent(raw: string): Parsed<StageAt> {
  const amount = Number(raw.slice(0, -1));
  if (!new RegExp(`^${PERCENT_PATTERN}$`).test(raw)) return fail(`${quote(raw)} is not a percentage: use e.g. 50%`);
  if (amount < PERCENT_RANGE.min || amount > PERCENT_RANGE.max) {
    return fail(`${quote(raw)} is out of range: use a percentage ${PERCENT_RANGE.text}`);
  }
  return { value: { id: `${amount}%`, at: { fraction: amount / 100 } } };
}

/** "50%" of the class's SLA or a duration after the lineage began; the id is the normalised text. */
export function stageAt(spec: LeafDocs): Field<StageAt> {
  return leaf({
    ...spec,
    type: "percentage or duration",
    schema: { type: "string", pattern: `^(?:${PERCENT_PATTERN}|${DURATION_PATTERN})$` },
    parse: (raw) => {
      if (typeof raw === "number") return fail(`${raw} has no unit: write ${raw}% or a duration such as ${raw}d`);
      if (typeof raw === "string" && raw.trim().endsWith("%")) return readPercent(raw.trim());
      const ms = readDuration(raw);
      return "problem" in ms ? ms : { value: { id: canonicalDuration(ms.value), at: { afterMs: ms.value } } };
    },
  });
}

export function oneOf<T extends string>(values: readonly T[], spec: LeafDocs & { noun: string; aliases?: Record<string, string> }): Field<T> {
  return leaf({
    ...spec,
    type: `one of ${values.map((value) => `\`${value}\``).join(", ")}`,
    schema: { type: "string", enum: values },
    parse: (raw) => {
      if (typeof raw === "string" && (values as readonly string[]).includes(raw)) return { value: raw as T };
      const guess = typeof raw === "string" ? closest(raw, values, spec.aliases) : null;
      const hint = guess === null ? `: use ${listWords(values)}` : ` (did you mean "${guess}"?)`;
      return fail(`${quote(raw)} is not a ${spec.noun}${hint}`);
    },
  });
}

/** A string matched against a pattern; an "@" in front is the one slip worth its own hint. */
function pattern(spec: LeafDocs & { type: string; regex: string; noun: string; form: string }): Field<string> {
  const regex = new RegExp(spec.regex);
  return leaf({
    ...spec,
    schema: { type: "string", pattern: spec.regex },
    parse: (raw) => {
      if (typeof raw !== "string") return fail(`${quote(raw)} is not ${spec.noun}: write ${spec.form}`);
      if (regex.test(raw)) return { value: raw };
      if (raw.startsWith("@") && regex.test(raw.slice(1))) return fail(`${quote(raw)}: write it without "@"`);
      return fail(`${quote(raw)} is not ${spec.noun}: write ${spec.form}`);
    },
  });
}

export const login = (doc: string): Field<string> =>
  pattern({ doc, type: "login", regex: LOGIN_PATTERN, noun: "a GitHub login", form: 'a user name such as "octocat"' });

export const team = (doc: string): Field<string> =>
  pattern({ doc, type: "team", regex: TEAM_PATTERN, noun: "a team", form: '"org/team-slug"' });

export function label(spec: LeafDocs): Field<string> {
  return leaf({
    ...spec,
    type: `label (1–${LABEL_MAX} characters)`,
    schema: { type: "string", minLength: 1, maxLength: LABEL_MAX },
    parse: (raw) => {
      if (typeof raw !== "string") return fail(`${quote(raw)} is not a label name: write it as text`);
      const length = [...raw].length;
      return length >= 1 && length <= LABEL_MAX ? { value: raw } : fail(`must be 1 to ${LABEL_MAX} characters (got ${length})`);
    },
  });
}

/** Canonical spelling only when it is the same zone ("utc" → "UTC"); aliases such as "EST" stay as written. */
function canonicalZone(name: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}

export function timeZone(spec: LeafDocs): Field<string> {
  return leaf({
    ...spec,
    type: "IANA time zone",
    schema: { type: "string", minLength: 1 },
    parse: (raw) => {
      const zone = typeof raw === "string" && raw !== "" ? canonicalZone(raw) : null;
      return zone === null ? fail(`${quote(raw)} is not an IANA time zone: use e.g. "Europe/Berlin" or "UTC"`) : { value: zone };
    },
  });
}

/** "HH:MM" as minutes after midnight; "24:00" is allowed so that a window can run to the end of the day. */
export function clockTime(spec: LeafDocs): Field<number> {
  return leaf({
    ...spec,
    type: "time `HH:MM`",
    schema: { type: "string", pattern: TIME_PATTERN },
    parse: (raw) => {
      if (typeof raw !== "string" || !new RegExp(TIME_PATTERN).test(raw)) {
        return fail(`${quote(raw)} is not a time: use "HH:MM", e.g. "09:00"`);
      }
      const [hours = 0, minutes = 0] = raw.split(":").map(Number);
      return { value: hours * 60 + minutes };
    },
  });
}
