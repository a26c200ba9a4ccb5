// One repository's week: which security patches are stale, which alerts have no PR, and how fast patches land.
import { withAlerts } from "../alert-join.js";
import type { DependabotAlert } from "../dependabot-alert.js";
import { planEscalation } from "../escalation.js";
import { resolveRepoLineages } from "../lineage.js";
import type { Policy } from "../policy.js";
import type { PullRequestRecord } from "../pull-request-record.js";
import { slaClassOf } from "../sla-class.js";
import { addSlaTime } from "../sla-time.js";
import type { RecognisedUpdate } from "../types.js";
import type { AlertWithoutPr, MergeSample, PrDigestFacts, RepoDigest, SeverityKey, StalePatch } from "./model.js";
import { SEVERITY_ORDER } from "./model.js";
import { TTM_WINDOW_MS, ttmWindows, weeklyTrend } from "./ttm.js";

export interface RepoDigestInput {
  repo: string;
  /** All of the repo's recorded PRs: closed and merged ones carry the lineages and the time-to-merge. */
  records: PullRequestRecord[];
  alerts: DependabotAlert[];
  policy: Policy;
  now: number;
  prFacts: Map<number, PrDigestFacts>;
}

const NO_FACTS: PrDigestFacts = { snooze: null, ci: "unknown", postedStages: [] };

export function buildRepoDigest(input: RepoDigestInput): RepoDigest {
  const { policy, now } = input;
  const records = input.records.map((record) => ({ ...record, update: withAlerts(record.update, input.alerts) }));
  const startedAt = lineageStarts(records);
  const start = (record: PullRequestRecord): number => startedAt.get(record) ?? record.createdAt;

  const stale = records
    .filter((record) => record.state === "open" && record.update.security)
    .map((record) => stalePatch(input, record, start(record)))
    .filter((patch): patch is StalePatch => patch !== null)
    .sort(byUrgency);

  const merges: MergeSample[] = records
    .filter((record) => record.update.security && record.state === "merged" && record.mergedAt !== null)
    .filter((record) => (record.mergedAt as number) >= now - 2 * TTM_WINDOW_MS && (record.mergedAt as number) <= now)
    .map((record) => {
      const mergedAt = record.mergedAt as number;
      const dueAt = addSlaTime(start(record), policy.sla[slaClassOf(record.update)], policy);
      return { mergedAt, durationMs: mergedAt - start(record), withinSla: mergedAt <= dueAt };
    });

  const openUpdates = records.filter((record) => record.state === "open").map((record) => record.update);
  return {
    repo: input.repo,
    now,
    timezone: policy.digest.timezone,
    stale,
    alertsWithoutPr: alertsWithoutPr(input.repo, input.alerts, openUpdates, policy, now),
    ttm: ttmWindows(merges, now),
    trend: weeklyTrend(merges, now, policy.digest.timezone),
    merges,
  };
}

/** Lineages are resolved per lineage key, over every record, as time-to-merge.ts does. */
function lineageStarts(records: readonly PullRequestRecord[]): Map<PullRequestRecord, number> {
  const lineages = resolveRepoLineages(records);
  return new Map(records.map((record) => [record, lineages.get(record.number)?.startedAt ?? record.createdAt]));
}

function stalePatch(input: RepoDigestInput, record: PullRequestRecord, lineageStartedAt: number): StalePatch | null {
  const { now, policy } = input;
  const facts = input.prFacts.get(record.number) ?? NO_FACTS;
  const plan = planEscalation({
    record,
    lineageStartedAt,
    policy,
    now,
    postedStageIds: new Set(facts.postedStages),
    snoozedUntil: facts.snooze?.until ?? null,
  });
  // Stale once the first reminder is due: from then on people were told, and the patch still waits.
  const firstDue = plan.stages[0]?.dueAt ?? plan.dueAt;
  if (!(firstDue <= now)) return null;
  const due = plan.stages.filter((entry) => entry.dueAt <= now);
  const top = due[due.length - 1];
  return {
    repo: record.repo,
    number: record.number,
    title: record.title,
    packages: record.update.packages,
    advisories: record.update.advisories,
    severity: record.update.severity ?? "unknown",
    slaClass: plan.slaClass,
    lineageStartedAt,
    ageMs: now - lineageStartedAt,
    slaMs: plan.slaMs,
    dueAt: plan.dueAt,
    overdueMs: now - plan.dueAt,
    ci: facts.ci,
    stage: top ? { id: top.stage.id, position: due.length, of: plan.stages.length } : null,
    snooze: facts.snooze !== null && facts.snooze.until > now ? facts.snooze : null,
    approvedAt: facts.approvedAt ?? null,
  };
}

const rank = (severity: SeverityKey): number => SEVERITY_ORDER.indexOf(severity);

export function byUrgency(a: StalePatch, b: StalePatch): number {
  return rank(a.severity) - rank(b.severity) || b.overdueMs - a.overdueMs || a.repo.localeCompare(b.repo) || a.number - b.number;
}

/**
 * An alert counts as covered when an open PR fixes it by alert-join's rule. Renovate PRs are matched the same
 * way (the join itself only trusts Dependabot's PRs for security facts): a Renovate PR that bumps the package
 * is still the PR that fixes the alert.
 */
function covers(update: RecognisedUpdate, alert: DependabotAlert): boolean {
  const asDependabot = { ...update, bot: "dependabot" as const };
  return withAlerts(asDependabot, [alert]) !== asDependabot;
}

function alertsWithoutPr(
  repo: string,
  alerts: readonly DependabotAlert[],
  openUpdates: readonly RecognisedUpdate[],
  policy: Policy,
  now: number,
): AlertWithoutPr[] {
  const result: AlertWithoutPr[] = [];
  for (const alert of alerts) {
    if (alert.state !== "open") continue;
    const severity: SeverityKey = alert.severity ?? "unknown";
    const slaMs = policy.sla[`security.${severity}`];
    const dueAt = addSlaTime(alert.createdAt, slaMs, policy);
    if (!(dueAt < now) || openUpdates.some((update) => covers(update, alert))) continue;
    result.push({
      repo,
      number: alert.number,
      packageName: alert.packageName,
      ecosystem: alert.ecosystem,
      manifestPath: alert.manifestPath,
      severity,
      advisories: [alert.ghsaId, alert.cveId].filter((id): id is string => id !== null),
      createdAt: alert.createdAt,
      ageMs: now - alert.createdAt,
      slaMs,
      overdueMs: now - dueAt,
    });
  }
  return result.sort((a, b) => rank(a.severity) - rank(b.severity) || b.overdueMs - a.overdueMs || a.number - b.number);
}
