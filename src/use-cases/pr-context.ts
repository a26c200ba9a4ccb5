// Everything a decision about one open PR is made from — its policy, the update as its alerts make it,
// its lineage, snooze and escalation plan — gathered one way for evaluation and for `status`.
import { createHash } from "node:crypto";
import { withAlerts } from "../domain/alert-join.js";
import { planEscalation, type EscalationPlan } from "../domain/escalation.js";
import { resolveLineages } from "../domain/lineage.js";
import type { Policy } from "../domain/policy.js";
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import type { Snooze } from "../store/escalation-store.js";
import { currentPolicy } from "./current-policy.js";
import { repoAlerts } from "./repo-alerts.js";
import type { WorkerDeps } from "./worker-deps.js";

/** A lineage is its key plus when it began: the same package may start a new lineage after a merge. */
export function lineageIdOf(lineageKey: string, startedAt: number): string {
  return createHash("sha1").update(`${lineageKey}@${startedAt}`).digest("hex").slice(0, 12);
}

export interface PrContext {
  policy: Policy;
  /** The record with the update as the repo's Dependabot alerts make it (security, severity). */
  record: PullRequestRecord;
  lineageStartedAt: number;
  lineageId: string;
  /** The snooze while it lasts; an expired one is history. */
  snooze: Snooze | null;
  plan: EscalationPlan;
}

export async function prContext(deps: WorkerDeps, record: PullRequestRecord): Promise<PrContext> {
  const location = { installationId: record.installationId, repoId: record.repoId };
  const policy = await currentPolicy(deps, { location, repo: record.repo });
  const alerts = record.update.bot === "dependabot" ? await repoAlerts(deps, location, record.repo) : [];
  const effective: PullRequestRecord = { ...record, update: withAlerts(record.update, alerts) };
  const members = await deps.store.listLineage(record, record.lineageKey);
  const lineageStartedAt = resolveLineages(members).get(record.number)?.startedAt ?? record.createdAt;
  const lineageId = lineageIdOf(record.lineageKey, lineageStartedAt);
  const now = deps.now();
  const stored = await deps.escalations.snooze(record);
  const snooze = stored && stored.until > now ? stored : null;
  const plan = planEscalation({
    record: effective,
    lineageStartedAt,
    policy,
    now,
    postedStageIds: await deps.escalations.doneStages(location, lineageId),
    snoozedUntil: snooze?.until ?? null,
  });
  return { policy, record: effective, lineageStartedAt, lineageId, snooze, plan };
}
