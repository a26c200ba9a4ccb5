import type { Context } from "probot";
import { slaClassOf } from "../domain/sla-class.js";
import { alertFromJson } from "../github/dependabot-alert-json.js";
import { priorityOf, type EvaluationScheduler } from "../queue/evaluation-scheduler.js";
import type { AlertStore } from "../store/alert-store.js";
import type { PullRequestStore } from "../store/pull-request-store.js";

/** Keeps the repo's alerts fresh without listing them again, and lets its Dependabot PRs be re-judged. */
export function dependabotAlertHandler(deps: { alerts: AlertStore; store: PullRequestStore; scheduler: EvaluationScheduler; now: () => number }) {
  return async (context: Context<"dependabot_alert">): Promise<void> => {
    const { payload } = context;
    const installationId = "installation" in payload ? payload.installation?.id : undefined;
    const alert = alertFromJson(payload.alert);
    if (installationId === undefined || !alert) {
      context.log.warn("dependabot_alert webhook without installation or alert; skipped");
      return;
    }
    const location = { installationId, repoId: payload.repository.id };
    await deps.alerts.upsert(location, alert);
    const open = (await deps.store.listRepo(location)).filter((r) => r.state === "open" && r.update.bot === "dependabot");
    for (const record of open) {
      await deps.scheduler.soon(record, record.repo, priorityOf(slaClassOf(record.update)));
    }
  };
}
