import type { Context } from "probot";
import type { JobQueue } from "../queue/jobs.js";
import type { PullRequestStore } from "../store/pull-request-store.js";

/**
 * Only new comments by people on recognised dependency PRs can carry commands. Edited comments are
 * ignored on purpose: re-saving a comment must never run its command a second time.
 */
export function issueCommentHandler(deps: { store: PullRequestStore; queue: JobQueue }) {
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    const { comment, issue, repository, installation, sender } = context.payload;
    if (!installation || !issue.pull_request || sender.type === "Bot" || comment.user?.type === "Bot") return;
    if (!/merge-discipline/i.test(comment.body)) return;
    const ref = { installationId: installation.id, repoId: repository.id, number: issue.number };
    if (!(await deps.store.get(ref))) return;
    await deps.queue.add({
      name: "run-command",
      data: { ref, repo: repository.full_name, actor: sender.login, source: { kind: "comment", commentId: comment.id, body: comment.body } },
    });
  };
}
