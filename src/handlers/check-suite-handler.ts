import type { Context } from "probot";
import type { JobQueue } from "../queue/jobs.js";

/**
 * GitHub asks every app with checks permission for a check suite on each push; on the default
 * branch that is the moment the config may have changed, and the commit to show its problems on.
 */
export function checkSuiteRequestedHandler(queue: JobQueue) {
  return async (context: Context<"check_suite.requested">): Promise<void> => {
    const { check_suite: suite, repository, installation } = context.payload;
    if (!installation || suite.head_branch !== repository.default_branch) return;
    await queue.add({
      name: "refresh-policy",
      data: { installationId: installation.id, repoId: repository.id, repo: repository.full_name, commitSha: suite.head_sha },
    });
  };
}
