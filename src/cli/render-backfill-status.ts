// The text of `merge-discipline backfill --status`: one block per installation, one line per repo.
import type { BackfillRun, RepoProgress } from "../store/backfill-store.js";
import { plural } from "../domain/plural.js";

const seconds = (ms: number): string => `${Math.round(ms / 1000)}s`;

function repoLine(repo: RepoProgress): string {
  const where = repo.phase === "recent" || repo.phase === "old-open" ? `${repo.phase} page ${repo.page}` : repo.phase;
  return `  ${repo.name}  ${where}  ${repo.recorded} recorded, ${plural(repo.impostors, "impostor", "impostors")} refused, ${plural(repo.requests, "list request", "list requests")}`;
}

export function renderBackfillStatus(runs: Array<{ installationId: number; run: BackfillRun | null }>, now: number): string {
  if (runs.length === 0) return "no installations known yet";
  return runs
    .map(({ installationId, run }) => {
      if (!run) return `installation ${installationId}: never backfilled`;
      const done = run.repos.filter((r) => r.phase === "done").length;
      const state = run.finishedAt === null
        ? `running, ${done}/${run.repos.length} repositories done, for ${seconds(now - run.startedAt)}`
        : `finished in ${seconds(run.finishedAt - run.startedAt)}, ${plural(run.repos.length, "repository", "repositories")}`;
      const started = new Date(run.startedAt).toISOString();
      return [`installation ${installationId}: ${state} (${run.trigger}, started ${started})`, ...run.repos.map(repoLine)].join("\n");
    })
    .join("\n\n");
}
