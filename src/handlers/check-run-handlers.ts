import type { Context } from "probot";
import { priorityOf, type EvaluationScheduler } from "../queue/evaluation-scheduler.js";
import type { JobQueue } from "../queue/jobs.js";
import { forgetCi, type PrStateStore } from "../store/pr-state-store.js";
import type { PullRequestStore } from "../store/pull-request-store.js";
import { slaClassOf } from "../domain/sla-class.js";

interface Deps {
  store: PullRequestStore;
  queue: JobQueue;
  prStates: PrStateStore;
  scheduler: EvaluationScheduler;
  now: () => number;
  appId: number | null;
}

/** A click on one of the check's buttons is a command like any other, run in a job. */
export function checkRunActionHandler(deps: Deps) {
  return async (context: Context<"check_run.requested_action">): Promise<void> => {
    const { check_run: run, requested_action: action, repository, installation, sender } = context.payload;
    if (!installation || !action?.identifier) return;
    const identifier = action.identifier;
    for (const pr of run.pull_requests) {
      const ref = { installationId: installation.id, repoId: repository.id, number: pr.number };
      if (!(await deps.store.get(ref))) continue;
      await deps.queue.add({
        name: "run-command",
        data: { ref, repo: repository.full_name, actor: sender.login, source: { kind: "button", identifier, deliveryId: context.id } },
      });
    }
  };
}

/** Someone's CI started or finished on a recognised PR's head: forget the old CI state and look again. */
export function ciCompletedHandler(deps: Deps) {
  return async (context: Context<"check_suite.completed" | "check_run.completed" | "check_run.created">): Promise<void> => {
    const { payload } = context;
    const installationId = payload.installation?.id;
    if (installationId === undefined) return;
    // The app's own checks completing say nothing about CI.
    const app = "check_suite" in payload ? payload.check_suite.app : payload.check_run.app;
    if (app?.id === deps.appId || ("check_run" in payload && payload.check_run.name.startsWith("merge-discipline"))) return;
    const pulls = "check_suite" in payload ? payload.check_suite.pull_requests : payload.check_run.pull_requests;
    const sha = "check_suite" in payload ? payload.check_suite.head_sha : payload.check_run.head_sha;
    for (const pr of pulls) {
      const ref = { installationId, repoId: payload.repository.id, number: pr.number };
      const record = await deps.store.get(ref);
      if (!record || record.state !== "open" || record.headSha !== sha) continue;
      await forgetCi(deps.prStates, ref);
      await deps.scheduler.soon(ref, record.repo, priorityOf(slaClassOf(record.update)));
    }
  };
}
