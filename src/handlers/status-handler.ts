import type { Context } from "probot";
import type { JobQueue } from "../queue/jobs.js";

/** Statuses come in bursts (pending, then the result, per context): a burst on one commit shares one job. */
const BUCKET_MS = 2_000;

/**
 * A commit status (Jenkins, CircleCI, …) was posted. The event names only the commit, so finding the PRs
 * whose head it is happens in a job; the webhook only enqueues.
 */
export function statusHandler(deps: { queue: JobQueue; now: () => number }) {
  return async (context: Context<"status">): Promise<void> => {
    const { payload } = context;
    const installationId = payload.installation?.id;
    if (installationId === undefined || typeof payload.sha !== "string") return;
    // Rounded up: a status arriving before the job runs always lands in a job that has not run yet.
    const at = Math.ceil(deps.now() / BUCKET_MS) * BUCKET_MS;
    await deps.queue.add(
      { name: "ci-changed", data: { installationId, repoId: payload.repository.id, repo: payload.repository.full_name, sha: payload.sha, at } },
      { at },
    );
  };
}
