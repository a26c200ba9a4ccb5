// A backfill's progress, kept in Redis so a restart continues where it stopped (the cursor) and
// `merge-discipline backfill --status` can say how far it got.
import type { RepoLocation } from "./pull-request-store.js";

/** alerts → recent (state=all, newest update first, down to the stats window) → old-open → evaluate → done. */
export type BackfillPhase = "alerts" | "recent" | "old-open" | "evaluate" | "done";

export interface RepoProgress {
  /** The run this cursor belongs to: a step job of an older run finds a different one and stops. */
  runId: string;
  repoId: number;
  name: string;
  phase: BackfillPhase;
  /** The next page of the current listing phase (1-based). */
  page: number;
  /** Pull requests recorded as bot PRs, and look-alikes refused. */
  recorded: number;
  impostors: number;
  /** List requests made so far (pulls and alerts), for the cost log. */
  requests: number;
}

export interface BackfillRun {
  runId: string;
  trigger: string;
  startedAt: number;
  finishedAt: number | null;
  repos: RepoProgress[];
}

export interface BackfillStore {
  /** Joins the installation's unfinished run, or starts a new one. */
  begin(installationId: number, trigger: string, now: number): Promise<{ runId: string; startedAt: number }>;
  /** Adds repos to the run; returns those that were not in it yet. */
  addRepos(installationId: number, runId: string, repos: Array<{ repoId: number; name: string }>): Promise<RepoProgress[]>;
  progress(installationId: number, repoId: number): Promise<RepoProgress | null>;
  save(installationId: number, progress: RepoProgress): Promise<void>;
  /** Takes repos out of the run (removed from the installation). */
  dropRepos(installationId: number, repoIds: number[]): Promise<void>;
  /** True exactly once per run: for the caller that finds every repo done. */
  settle(installationId: number, runId: string, now: number): Promise<boolean>;
  run(installationId: number): Promise<BackfillRun | null>;
  /** Stages that fell due before this moment were history when the app first looked at the repo. */
  quietBefore(location: RepoLocation): Promise<number | null>;
  setQuietBefore(installationId: number, repoIds: number[], at: number, overwrite: boolean): Promise<void>;
}
