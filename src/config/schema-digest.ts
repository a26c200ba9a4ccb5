// The weekly digest keys: the repo digest issue, and where and when the organisation digest is published.
import type { Field } from "./field.js";
import { leaf, list, object } from "./field.js";
import { bool, login, timeZone } from "./fields.js";

const CRON_FIELDS = ["minute", "hour", "day of month", "month", "day of week"] as const;
const CRON_PART = /^[\d*,/-]+$/;
/** GitHub's rule for repository names; "" stands for "no organisation digest". */
export const REPO_NAME_PATTERN = "^(?:[A-Za-z0-9._-]{1,100})?$";
export const ORG_OLDEST_RANGE = { min: 1, max: 100 } as const;

const quote = (raw: unknown): string => (typeof raw === "string" ? JSON.stringify(raw) : String(raw));

/** Five cron fields of digits, `*`, `,`, `-` and `/`: enough to catch slips, and the scheduler parses the rest. */
export function checkCron(raw: unknown): { value: string } | { problem: string } {
  if (typeof raw !== "string") return { problem: `${quote(raw)} is not a cron expression: write 5 fields, e.g. "0 9 * * 1"` };
  const parts = raw.trim().split(/\s+/).filter((part) => part !== "");
  if (parts.length !== CRON_FIELDS.length) {
    return { problem: `${quote(raw)} has ${parts.length} fields: a cron expression has 5 (minute hour day-of-month month day-of-week)` };
  }
  const bad = parts.findIndex((part) => !CRON_PART.test(part));
  if (bad >= 0) {
    return { problem: `${quote(raw)}: the ${CRON_FIELDS[bad] ?? "?"} field ${quote(parts[bad])} may hold only digits, *, ",", - and /` };
  }
  return { value: parts.join(" ") };
}

function cron(spec: { doc: string; default: string }): Field<string> {
  return leaf<string>({
    ...spec,
    type: "cron (5 fields)",
    schema: { type: "string", pattern: "^\\s*[\\d*,/-]+(?:\\s+[\\d*,/-]+){4}\\s*$" },
    parse: checkCron,
  });
}

function repoName(spec: { doc: string; default: string }): Field<string> {
  const regex = new RegExp(REPO_NAME_PATTERN);
  return leaf<string>({
    ...spec,
    type: "repository name",
    schema: { type: "string", pattern: REPO_NAME_PATTERN },
    parse: (raw) => {
      if (typeof raw === "string" && regex.test(raw) && raw !== "." && raw !== "..") return { value: raw };
      if (typeof raw === "string" && raw.includes("/")) return { problem: `${quote(raw)}: write the repository name without the owner` };
      return { problem: `${quote(raw)} is not a repository name: write e.g. ".github", or "" for none` };
    },
  });
}

function count(spec: { doc: string; default: number; min: number; max: number }): Field<number> {
  const range = `a whole number from ${spec.min} to ${spec.max}`;
  return leaf<number>({
    doc: spec.doc,
    default: spec.default,
    type: `number (${spec.min}–${spec.max})`,
    schema: { type: "integer", minimum: spec.min, maximum: spec.max },
    parse: (raw) =>
      typeof raw === "number" && Number.isInteger(raw) && raw >= spec.min && raw <= spec.max
        ? { value: raw }
        : { problem: `${quote(raw)} is not ${range}` },
  });
}

export const DIGEST = object(
  {
    enabled: bool({ doc: "Publish this repository's weekly digest issue of stale security patches.", default: true }),
    schedule: cron({
      doc: "When the digests are published, as cron (5 fields); read from the organisation's .github config for the whole installation.",
      default: "0 9 * * 1",
    }),
    timezone: timeZone({ doc: "IANA time zone of the schedule and of the digest's week.", default: "UTC" }),
    open_when_clean: bool({ doc: "Open a digest issue even when nothing is stale.", default: false }),
    mention_owners: bool({ doc: "Mention the configured owners and contacts in the repository digest.", default: true }),
    assignees: list(login('A GitHub login, e.g. "octocat".'), { type: "list of logins", doc: "Users assigned to the repository digest issue.", default: [] }),
    org_repo: repoName({ doc: 'Repository in the organisation that receives the organisation digest; "" for none.', default: ".github" }),
    org_oldest: count({ doc: "How many of the oldest patches the organisation digest lists.", default: 10, ...ORG_OLDEST_RANGE }),
  },
  { doc: "A weekly issue per repository listing stale security patches, and one overview for the organisation." },
);
