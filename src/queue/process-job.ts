import { rateLimitWait } from "../github/rate-limit-wait.js";
import { enrichPullRequest } from "../use-cases/enrich-pull-request.js";
import { evaluatePullRequest } from "../use-cases/evaluate-pull-request.js";
import { refreshPolicy } from "../use-cases/refresh-policy.js";
import { reportConfig } from "../use-cases/report-config.js";
import { applyGate } from "../use-cases/apply-gate.js";
import { ciChanged } from "../use-cases/ci-changed.js";
import { runCommand } from "../use-cases/run-command.js";
import { publishDigests } from "../use-cases/publish-digests.js";
import type { WorkerDeps } from "../use-cases/worker-deps.js";
import type { JobHandlers } from "./bullmq-worker.js";
import { installationOf, repoOf, type Job } from "./jobs.js";
import { backfillInstallation } from "../use-cases/backfill-installation.js";
import { backfillRepositoryStep } from "../use-cases/backfill-repository.js";
import { reconcileInstallation } from "../use-cases/reconcile-installation.js";
import { reconcileRepository } from "../use-cases/reconcile-repository.js";
import { forgetInstallation, forgetRepositories } from "../use-cases/forget-installation.js";
import { RetryLater } from "./retry-later.js";
import { redeliverFailedWebhooks } from "../use-cases/redeliver-failed-webhooks.js";

/** Job name → use case. Each job kind gets one case here. */
export function jobHandlers(workerDeps: WorkerDeps): JobHandlers {
  return {
    // Use cases log through the job's logger: its place is bound once, not repeated in each line.
    process: async (job: Job, log): Promise<void> => {
      const deps = { ...workerDeps, log };
      if (job.name === "redeliver-webhooks") {
        await redeliverFailedWebhooks(deps);
        return;
      }
      // Jobs queued before an uninstall, a suspension or a repo's removal never write there.
      const forgetting = job.name === "forget-installation" || job.name === "forget-repositories";
      const installationId = installationOf(job);
      const blocked = forgetting || installationId === null ? null : await deps.lifecycle.blocked(installationId, repoOf(job));
      if (blocked) {
        deps.log.info({ repoId: repoOf(job), blocked }, "job dropped: the app no longer works there");
        return;
      }
      switch (job.name) {
        case "enrich-pull-request":
          await enrichPullRequest(deps, job.data.snapshot);
          return;
        case "evaluate-pull-request":
          await evaluatePullRequest(deps, job.data.ref, job.data.repo);
          return;
        case "refresh-policy":
          await refreshPolicy(deps, job.data);
          return;
        case "report-config":
          await reportConfig(deps, job.data);
          return;
        case "run-command":
          await runCommand(deps, job.data);
          return;
        case "apply-gate":
          await applyGate(deps, job.data);
          return;
        case "ci-changed":
          await ciChanged(deps, job.data);
          return;
        case "publish-digest":
          await publishDigests(deps, { installationId: job.data.installationId, orgOnly: job.data.backfillRun !== undefined });
          return;
        case "backfill-installation":
          await backfillInstallation(deps, job.data);
          return;
        case "backfill-repository":
          await backfillRepositoryStep(deps, job.data);
          return;
        case "reconcile-installation":
          await reconcileInstallation(deps, job.data.installationId);
          return;
        case "reconcile-repository":
          await reconcileRepository(deps, job.data);
          return;
        case "forget-installation":
          await forgetInstallation(deps, job.data.installationId);
          return;
        case "forget-repositories":
          await forgetRepositories(deps, job.data.installationId, job.data.repoIds);
          return;
      }
    },
    // GitHub's rate-limit answers are waited out by every process of the app, not retried in a loop.
    retryAt: async (error: unknown, job: Job, log): Promise<number | null> => {
      if (error instanceof RetryLater) return error.at;
      const until = rateLimitWait(error, workerDeps.now());
      const installationId = installationOf(job);
      if (until === null || installationId === null) return null;
      await workerDeps.budget.pauseUntil(installationId, until);
      log.warn({ until: new Date(until).toISOString() }, "GitHub rate limit; writes for this installation paused");
      return until;
    },
  };
}
