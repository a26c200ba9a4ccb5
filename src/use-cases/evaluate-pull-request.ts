// Use case "is anything due on this PR?": gather its context, let the pure ladder decide, post at most
// one stage, follow CI and auto-merge, publish the check, and schedule the next look.
import type { PullRequestRef } from "../domain/pull-request-record.js";
import { priorityOf } from "../queue/evaluation-scheduler.js";
import { commentsOnStage } from "../domain/backfill-comments.js";
import { autoMergeIfSafe } from "./auto-merge-pr.js";
import { approvalOf } from "../domain/review-approval.js";
import { currentCi } from "./pr-ci.js";
import { prContext } from "./pr-context.js";
import { postStage } from "./post-stage.js";
import { publishPrCheck } from "./publish-pr-check.js";
import { requestGate } from "./request-gate.js";
import { runExclusive } from "../queue/run-exclusive.js";
import { DEFAULT_KEY_PREFIX } from "../store/redis-keys.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function evaluatePullRequest(deps: WorkerDeps, ref: PullRequestRef, repo: string): Promise<void> {
  const key = `${DEFAULT_KEY_PREFIX}:repo:${ref.installationId}:${ref.repoId}:pr:${ref.number}:evaluating`;
  await runExclusive(deps, key, () => evaluate(deps, ref, repo));
}

async function evaluate(deps: WorkerDeps, ref: PullRequestRef, repo: string): Promise<void> {
  const stored = await deps.store.get(ref);
  if (!stored || stored.state !== "open") {
    await deps.scheduler.schedule(ref, repo, null, 0);
    return;
  }
  const { policy, record, plan, lineageId, lineageStartedAt, snooze } = await prContext(deps, stored);
  if (!policy.enabled) {
    await deps.scheduler.schedule(ref, record.repo, null, 0);
    return;
  }
  const ci = await currentCi(deps, record);
  const state = await deps.prStates.get(ref);
  const approval = approvalOf(state.reviews, record.headSha);
  if (plan.post) {
    const post = plan.post;
    const dueAt = plan.stages.find((s) => s.stage.id === post.id)?.dueAt ?? deps.now();
    const quietBefore = await deps.backfills.quietBefore(ref);
    const comment = commentsOnStage({ dueAt, quietBefore, security: record.update.security, mode: policy.backfill.comments });
    // Closed on GitHub though the record said open (a lost or out-of-order webhook): the record was repaired.
    if ((await postStage(deps, { record, plan, stage: post, policy, lineageId, lineageStartedAt, ci, comment, approval })) === "closed") return;
  }
  const autoMerge = await autoMergeIfSafe(deps, { record, slaClass: plan.slaClass, policy, ci, state });
  await publishPrCheck(
    deps,
    {
      record,
      plan,
      policy,
      lineageStartedAt,
      now: deps.now(),
      ci,
      mergeable: record.mergeable,
      snooze,
      acknowledged: state.acknowledged,
      autoMerge: autoMerge ? { state: autoMerge.state, reason: autoMerge.reason } : { state: "off", reason: null },
      approval,
    },
    state,
  );
  const gated = policy.gate.mode !== "off" && record.update.security;
  if (gated) await requestGate(deps, { installationId: ref.installationId, repoId: ref.repoId }, record.repo);
  // A gated fix must be looked at the moment it becomes overdue, whatever its ladder says.
  const dueLater = gated && plan.dueAt > deps.now() ? plan.dueAt : null;
  const next = [plan.nextEvaluationAt, dueLater].filter((t): t is number => t !== null);
  await deps.scheduler.schedule(ref, record.repo, nextLook(next.length ? Math.min(...next) : null, deps.now()), priorityOf(plan.slaClass));
}

/** The check speaks in days ("due in 3d"); look again at least daily so it never goes stale. */
function nextLook(next: number | null, now: number): number {
  const tomorrow = (Math.floor(now / 86_400_000) + 1) * 86_400_000;
  return next === null ? tomorrow : Math.min(next, tomorrow);
}
