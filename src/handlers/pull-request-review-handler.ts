import type { Context } from "probot";
import { reviewStateOf, type ReviewFact } from "../domain/review-approval.js";
import { slaClassOf } from "../domain/sla-class.js";
import { priorityOf, type EvaluationScheduler } from "../queue/evaluation-scheduler.js";
import type { InstallationLifecycle } from "../store/installation-lifecycle.js";
import type { PrStateStore } from "../store/pr-state-store.js";
import type { DeliveryLog, PullRequestStore } from "../store/pull-request-store.js";
import { oncePerDeliveryWith } from "./once-per-delivery.js";
import { refusesWebhooks } from "./where-installed.js";

export const PULL_REQUEST_REVIEW_EVENTS = [
  "pull_request_review.submitted",
  "pull_request_review.dismissed",
  "pull_request_review.edited",
] as const;

interface Deps {
  store: PullRequestStore;
  prStates: PrStateStore;
  deliveries: DeliveryLog;
  scheduler: EvaluationScheduler;
  lifecycle: InstallationLifecycle;
}

/** A review on a tracked PR: keep it as its reviewer's standing review, and let a job re-render the check. */
export function pullRequestReviewHandler(deps: Deps) {
  return async (context: Context<"pull_request_review">): Promise<void> => {
    const { payload } = context;
    const installationId = payload.installation?.id;
    const number = payload.pull_request?.number;
    const review = reviewFactOf(payload.review);
    if (installationId === undefined || typeof number !== "number" || review === null) return;
    const ref = { installationId, repoId: payload.repository.id, number };
    const log = context.log.child({ repo: payload.repository.full_name, pr: number });
    const read = async () => {
      const [record, blocked] = await Promise.all([deps.store.get(ref), deps.lifecycle.blocked(installationId, ref.repoId)]);
      return { record, blocked };
    };
    await oncePerDeliveryWith(deps.deliveries, context.id, log, read, async ({ record, blocked }) => {
      // Reviews of PRs the app does not track are none of its business; see where-installed.ts for the rest.
      if (record === null || refusesWebhooks(blocked)) return;
      if (review.state === "COMMENTED") return;
      await deps.prStates.recordReview(ref, review);
      if (record.state === "open") await deps.scheduler.soon(ref, record.repo, priorityOf(slaClassOf(record.update)));
    });
  };
}

/** From a webhook's or the REST API's review object; null when it is not a usable submitted review. */
export function reviewFactOf(raw: unknown): ReviewFact | null {
  const review = raw as { user?: { login?: unknown } | null; state?: unknown; commit_id?: unknown; submitted_at?: unknown } | null;
  const state = reviewStateOf(review?.state);
  const reviewer = review?.user?.login;
  const submittedAt = typeof review?.submitted_at === "string" ? Date.parse(review.submitted_at) : NaN;
  if (state === null || typeof reviewer !== "string" || !Number.isFinite(submittedAt)) return null;
  return { reviewer, state, commitId: typeof review?.commit_id === "string" ? review.commit_id : "", submittedAt };
}
