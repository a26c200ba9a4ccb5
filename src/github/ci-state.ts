import type { CiState } from "./github-reads.js";

export interface CiRun {
  id: number;
  name: string;
  app: string;
  status: string;
  conclusion: string | null;
}

const FAILED = new Set(["failure", "timed_out", "cancelled", "action_required", "startup_failure"]);

/**
 * One word for a commit's CI. A re-run adds a run with the same name, so only the newest run per app
 * and name counts. Then: any failed run fails it, any unfinished run keeps it pending, and only
 * finished, non-failing runs pass it. No runs at all is "unknown", not "passing": a repo without CI
 * must not look green.
 */
export function ciStateOf(runs: readonly CiRun[]): CiState {
  const latest = new Map<string, CiRun>();
  for (const run of runs) {
    const key = `${run.app}/${run.name}`;
    const seen = latest.get(key);
    if (!seen || run.id > seen.id) latest.set(key, run);
  }
  const current = [...latest.values()];
  if (current.length === 0) return "unknown";
  if (current.some((r) => r.status === "completed" && FAILED.has(r.conclusion ?? ""))) return "failing";
  if (current.some((r) => r.status !== "completed")) return "pending";
  return "passing";
}
