// What the app's handlers read from each webhook, checked before any of them runs. A signed payload that
// lacks it (a body of `null`, an `issue_comment` without `issue`, a string where a number belongs) is
// refused with one reason instead of failing deep inside a handler.

type Kind = "object" | "array" | "string" | "number";
/** A trailing `?`: the field may be absent or null. */
type Rule = Kind | `${Kind}?`;
/** Dotted paths; `[]` checks every element of an array. A field under an absent optional parent is not checked. */
type Shape = Record<string, Rule>;

const IN_A_REPOSITORY: Shape = {
  action: "string",
  repository: "object",
  "repository.id": "number",
  "repository.full_name": "string",
  installation: "object?",
  "installation.id": "number",
};

const INSTALLATION: Shape = { action: "string", installation: "object", "installation.id": "number" };
const SHORT_REPOS = (field: string): Shape => ({ [field]: "array?", [`${field}[].id`]: "number", [`${field}[].full_name`]: "string" });

const SHAPES: Record<string, Shape> = {
  pull_request: { ...IN_A_REPOSITORY, pull_request: "object", "pull_request.number": "number" },
  issue_comment: {
    ...IN_A_REPOSITORY,
    issue: "object",
    "issue.number": "number",
    "issue.pull_request": "object?",
    comment: "object",
    "comment.id": "number",
    "comment.body": "string",
    "comment.user": "object?",
    sender: "object",
    "sender.login": "string",
    "sender.type": "string",
  },
  check_run: {
    ...IN_A_REPOSITORY,
    check_run: "object",
    "check_run.name": "string",
    "check_run.head_sha": "string",
    "check_run.app": "object?",
    "check_run.pull_requests": "array",
    "check_run.pull_requests[].number": "number",
    requested_action: "object?",
    sender: "object",
    "sender.login": "string",
  },
  check_suite: {
    ...IN_A_REPOSITORY,
    "repository.default_branch": "string",
    check_suite: "object",
    "check_suite.head_sha": "string",
    "check_suite.head_branch": "string?",
    "check_suite.app": "object?",
    "check_suite.pull_requests": "array",
    "check_suite.pull_requests[].number": "number",
  },
  // A commit status carries no action.
  status: { ...IN_A_REPOSITORY, action: "string?", sha: "string" },
  dependabot_alert: { ...IN_A_REPOSITORY, alert: "object" },
  repository: {
    ...IN_A_REPOSITORY,
    "repository.owner": "object",
    "repository.owner.login": "string",
    changes: "object?",
    "changes.repository": "object?",
    "changes.repository.name": "object?",
    "changes.repository.name.from": "string",
  },
  installation: { ...INSTALLATION, ...SHORT_REPOS("repositories") },
  installation_repositories: { ...INSTALLATION, ...SHORT_REPOS("repositories_added"), ...SHORT_REPOS("repositories_removed") },
};

function kindOf(value: unknown): Kind | "null" | "boolean" | "other" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  return type === "object" || type === "string" || type === "number" || type === "boolean" ? type : "other";
}

/** The values at `path` with where each was found; nothing when an optional parent on the way is absent. */
function valuesAt(root: unknown, path: string): Array<{ at: string; value: unknown }> {
  let found = [{ at: "", value: root }];
  for (const segment of path.split(".")) {
    const each = segment.endsWith("[]");
    const key = each ? segment.slice(0, -2) : segment;
    found = found.flatMap(({ at, value }) => {
      if (value === null || typeof value !== "object") return [];
      const child = { at: at ? `${at}.${key}` : key, value: (value as Record<string, unknown>)[key] };
      if (!each) return [child];
      return Array.isArray(child.value) ? child.value.map((item, i) => ({ at: `${child.at}[${i}]`, value: item })) : [];
    });
  }
  return found;
}

/** Why the handlers cannot use this payload, or null when they can. Events the app does not handle only need to be objects. */
export function webhookShapeProblem(event: string, payload: unknown): string | null {
  if (kindOf(payload) !== "object") return `the payload is ${kindOf(payload) === "null" ? "null" : `a JSON ${kindOf(payload)}`}, not an object`;
  for (const [path, rule] of Object.entries(SHAPES[event] ?? {})) {
    const optional = rule.endsWith("?");
    const kind = rule.replace("?", "");
    for (const { at, value } of valuesAt(payload, path)) {
      const actual = kindOf(value);
      if (actual === kind || (optional && (value === undefined || value === null))) continue;
      return value === undefined ? `${at} is missing` : `${at} is ${actual === "null" ? "null" : `a ${actual}`}, not a${kind === "object" || kind === "array" ? "n" : ""} ${kind}`;
    }
  }
  return null;
}
