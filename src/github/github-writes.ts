import type { RepoName } from "./github-reads.js";

export type { RepoName };

export type EnsureOutcome = "created" | "updated" | "unchanged";

export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CheckRunSpec {
  name: string;
  status: "queued" | "in_progress" | "completed";
  /** Required when `status` is "completed", and only then. */
  conclusion?: "success" | "neutral" | "failure" | "action_required" | "skipped";
  title: string;
  summary: string;
  text?: string;
  actions?: CheckRunAction[];
  detailsUrl?: string;
  externalId?: string;
}

/**
 * The one way escalation, check and digest code writes to GitHub. Every verb is idempotent: it reads
 * first and writes only what differs, so a job retried after a crash or a redelivered webhook costs
 * reads, not comments — and the write budget is spent on real changes only.
 */
export interface GitHubWrites {
  /** The app's own comments on an issue/PR that carry a hidden marker starting with `markerPrefix`; other users' comments never count, even if they copy a marker. */
  findMarkedComments(repo: RepoName, number: number, markerPrefix: string): Promise<Array<{ id: number; body: string }>>;
  /**
   * Creates the comment with this exact marker (an HTML comment; put on top of `body` unless `body`
   * already contains it), or updates the app's comment that has it when the body differs, or does
   * nothing. At most one write: should a race have left two such comments, the oldest is kept current.
   */
  ensureComment(repo: RepoName, number: number, marker: string, body: string): Promise<EnsureOutcome>;
  /** Adds labels not already on the issue/PR (reads its labels first; nothing written when all are there). Returns the labels actually added. */
  ensureLabels(repo: RepoName, number: number, labels: string[]): Promise<string[]>;
  /** False when the label was not there. */
  removeLabel(repo: RepoName, number: number, label: string): Promise<boolean>;
  /** Finds the app's check run named `name` on `headSha` (and any duplicate a race left), creates it, or updates it only when status/conclusion/title/summary/text/actions (or a given details URL / external id) differ. */
  ensureCheckRun(repo: RepoName, headSha: string, run: CheckRunSpec): Promise<EnsureOutcome>;
  /** Whether the app has a check run named `name` on `headSha` (a read). */
  hasCheckRun(repo: RepoName, headSha: string, name: string): Promise<boolean>;
  /** The app's own issues (open and closed, newest first) with `label` whose body carries a marker starting with `markerPrefix`. */
  findMarkedIssues(repo: RepoName, label: string, markerPrefix: string): Promise<MarkedIssue[]>;
  createIssue(repo: RepoName, issue: { title: string; body: string; labels: string[]; assignees: string[] }): Promise<MarkedIssue>;
  closeIssue(repo: RepoName, number: number): Promise<void>;
  /** Reacts to a comment as the app; reacting twice with the same content is a no-op on GitHub's side. */
  addReaction(repo: RepoName, commentId: number, content: "+1" | "-1" | "eyes" | "confused" | "rocket"): Promise<void>;
}

export interface MarkedIssue {
  number: number;
  state: "open" | "closed";
  title: string;
  body: string;
  url: string;
}

/** GitHub refuses longer issue and comment bodies. */
export const MAX_COMMENT_LENGTH = 65_536;
/** GitHub refuses a longer check-run summary or text. */
export const MAX_CHECK_OUTPUT_LENGTH = 65_535;
export const CHECK_RUN_ACTION_LIMITS = { count: 3, label: 20, description: 40, identifier: 20 } as const;

/**
 * Markers are literal HTML comments (`<!-- merge-discipline:nudge stage=… -->`), invisible on GitHub, and
 * prefixes are their openings (`<!-- merge-discipline:nudge`). Anything else could show up as text or
 * match half the comments on a PR.
 */
function badMarker(kind: string, value: string, why: string): Error {
  return new Error(`github writes: ${kind} ${JSON.stringify(value.slice(0, 80))} ${why}`);
}

export function checkMarker(marker: string): void {
  if (!marker.startsWith("<!--") || !marker.endsWith("-->")) throw badMarker("marker", marker, 'must be an HTML comment "<!-- … -->"');
  const inner = marker.slice(4, -3);
  if (inner.trim() === "") throw badMarker("marker", marker, "must not be empty");
  // A comment closed early would show the rest of the marker on GitHub.
  if (/-->|<!--|--!>/.test(inner)) throw badMarker("marker", marker, "must not close or open another HTML comment inside");
}

export function checkMarkerPrefix(markerPrefix: string): void {
  if (!markerPrefix.startsWith("<!--") || markerPrefix.slice(4).trim() === "") {
    throw badMarker("marker prefix", markerPrefix, 'must be the opening of an HTML comment, like "<!-- app:topic"');
  }
}

export function checkCommentLength(body: string): void {
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new Error(`github writes: comment body is ${body.length} characters, GitHub allows ${MAX_COMMENT_LENGTH}`);
  }
}

/** Refuses a spec GitHub would answer with 422, before any request is made. */
export function checkCheckRunSpec(spec: CheckRunSpec, summaryLength = spec.summary.length): void {
  const fail = (why: string): never => {
    throw new Error(`github writes: check run ${JSON.stringify(spec.name)}: ${why}`);
  };
  if (spec.name === "") fail("name must not be empty");
  if (spec.status === "completed" && !spec.conclusion) fail("a completed check run needs a conclusion");
  if (spec.status !== "completed" && spec.conclusion) fail(`a conclusion needs status "completed", not "${spec.status}"`);
  if (summaryLength > MAX_CHECK_OUTPUT_LENGTH) fail(`summary is ${summaryLength} characters, GitHub allows ${MAX_CHECK_OUTPUT_LENGTH}`);
  if ((spec.text?.length ?? 0) > MAX_CHECK_OUTPUT_LENGTH) fail(`text is ${spec.text?.length} characters, GitHub allows ${MAX_CHECK_OUTPUT_LENGTH}`);
  const actions = spec.actions ?? [];
  if (actions.length > CHECK_RUN_ACTION_LIMITS.count) fail(`${actions.length} actions, GitHub allows ${CHECK_RUN_ACTION_LIMITS.count}`);
  for (const action of actions) {
    for (const field of ["label", "description", "identifier"] as const) {
      const value = action[field];
      const max = CHECK_RUN_ACTION_LIMITS[field];
      if (value === "") fail(`action ${field} must not be empty`);
      if (value.length > max) fail(`action ${field} ${JSON.stringify(value)} is ${value.length} characters, GitHub allows ${max}`);
    }
  }
}
