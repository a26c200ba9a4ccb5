// The one word for a commit's CI, as GitHub would judge it before merging. Every place that shows or acts
// on CI — the PR check, nudges, the digest's CI column, auto-merge — reads the state computed here.
//
// Two kinds of reports exist: check runs (Checks API) and commit statuses (Statuses API, e.g. Jenkins'
// `ci/jenkins`). Both count. A re-run adds a report with the same name, so only the newest check run per
// app and name, and the newest status per context, count. Then: any failed report fails it; any
// unfinished report keeps it pending; a check the base branch requires (branch protection or a ruleset)
// that has not reported keeps it pending too, as GitHub shows "Expected — waiting for status"; only
// then is it passing. No reports and nothing required is "unknown", never "passing": a repo without CI
// must not look green.

export type CiState = "passing" | "failing" | "pending" | "unknown";

export interface CiRun {
  id: number;
  name: string;
  /** The app's slug; "" when GitHub did not say. */
  app: string;
  appId?: number | null;
  status: string;
  conclusion: string | null;
}

export interface CiStatus {
  context: string;
  state: string;
}

/** A context the base branch requires; `appId` null lets any app or status report it. */
export interface RequiredCheck {
  context: string;
  appId: number | null;
}

export interface CiReports {
  runs: readonly CiRun[];
  statuses?: readonly CiStatus[];
  required?: readonly RequiredCheck[];
  /** The app's own check runs say nothing about CI and are left out, even when a branch requires them. */
  ownApp?: { slug: string; checkNames: readonly string[] };
}

const FAILED_RUN = new Set(["failure", "timed_out", "cancelled", "action_required", "startup_failure"]);
/** What GitHub accepts from a required check run. */
const PASSED_RUN = new Set(["success", "neutral", "skipped"]);
const FAILED_STATUS = new Set(["failure", "error"]);

export function ciStateOf(input: CiReports | readonly CiRun[]): CiState {
  const reports: CiReports = isRunList(input) ? { runs: input } : input;
  const own = reports.ownApp;
  const runs = newestRuns(reports.runs.filter((run) => own === undefined || run.app !== own.slug));
  const statuses = newestStatuses(reports.statuses ?? []);
  const required = (reports.required ?? []).filter((check) => !own?.checkNames.includes(check.context));
  if (runs.length === 0 && statuses.length === 0 && required.length === 0) return "unknown";
  if (runs.some((r) => r.status === "completed" && FAILED_RUN.has(r.conclusion ?? ""))) return "failing";
  if (statuses.some((s) => FAILED_STATUS.has(s.state))) return "failing";
  if (runs.some((r) => r.status !== "completed" || !PASSED_RUN.has(r.conclusion ?? ""))) return "pending";
  if (statuses.some((s) => s.state !== "success")) return "pending";
  if (required.some((check) => !reported(check, runs, statuses))) return "pending";
  return "passing";
}

function isRunList(input: CiReports | readonly CiRun[]): input is readonly CiRun[] {
  return Array.isArray(input);
}

function newestRuns(runs: readonly CiRun[]): CiRun[] {
  const latest = new Map<string, CiRun>();
  for (const run of runs) {
    const key = `${run.app}/${run.name}`;
    const seen = latest.get(key);
    if (!seen || run.id > seen.id) latest.set(key, run);
  }
  return [...latest.values()];
}

/** The combined status lists the newest status per context already; a plain list may repeat one (newest first). */
function newestStatuses(statuses: readonly CiStatus[]): CiStatus[] {
  const latest = new Map<string, CiStatus>();
  for (const status of statuses) if (!latest.has(status.context)) latest.set(status.context, status);
  return [...latest.values()];
}

/** Failing and unfinished reports were judged above; here a required context only has to exist. */
function reported(check: RequiredCheck, runs: readonly CiRun[], statuses: readonly CiStatus[]): boolean {
  const byRun = runs.some((run) => run.name === check.context && (check.appId === null || run.appId === check.appId));
  return byRun || (check.appId === null && statuses.some((status) => status.context === check.context));
}
