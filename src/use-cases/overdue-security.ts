// Which security updates of a repo are past their SLA right now (and not snoozed): what the gate holds
// other merges back for.
import { withAlerts } from "../domain/alert-join.js";
import { planEscalation } from "../domain/escalation.js";
import { resolveRepoLineages } from "../domain/lineage.js";
import type { Policy } from "../domain/policy.js";
import type { Severity } from "../domain/types.js";
import type { RepoLocation } from "../store/pull-request-store.js";
import { repoAlerts } from "./repo-alerts.js";
import type { WorkerDeps } from "./worker-deps.js";

const RANK: Record<Severity, number> = { low: 1, moderate: 2, high: 3, critical: 4 };

export interface OverdueFix {
  number: number;
  repo: string;
  title: string;
  severity: Severity;
  overdueByMs: number;
}

export async function overdueSecurityFixes(deps: WorkerDeps, location: RepoLocation, repo: string, policy: Policy): Promise<OverdueFix[]> {
  const all = await deps.store.listRepo(location);
  const open = all.filter((r) => r.state === "open");
  const alerts = open.some((r) => r.update.bot === "dependabot") ? await repoAlerts(deps, location, repo) : [];
  const now = deps.now();
  const lineages = resolveRepoLineages(all);
  const overdue: OverdueFix[] = [];
  for (const record of open) {
    const update = withAlerts(record.update, alerts);
    if (!update.security || !update.severity || RANK[update.severity] < RANK[policy.gate.minSeverity]) continue;
    const snooze = await deps.escalations.snooze(record);
    if (snooze && snooze.until > now) continue;
    const startedAt = lineages.get(record.number)?.startedAt ?? record.createdAt;
    const plan = planEscalation({ record: { ...record, update }, lineageStartedAt: startedAt, policy, now, postedStageIds: new Set(), snoozedUntil: null });
    if (now > plan.dueAt) {
      overdue.push({ number: record.number, repo, title: record.title, severity: update.severity, overdueByMs: now - plan.dueAt });
    }
  }
  return overdue.sort((a, b) => RANK[b.severity] - RANK[a.severity] || b.overdueByMs - a.overdueByMs);
}
