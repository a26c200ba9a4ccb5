// Use case "daily reconciliation of one repo": GitHub is the truth, Redis a cache of it. Open bot PRs
// on GitHub vs Redis: record what a missed webhook left out (opened, edited, pushed), close what a missed
// `closed` left open, restart evaluation chains that died, and refresh the repo's alerts.
// Cost: 1 list request (a 304 when nothing changed, which GitHub does not count against the rate limit)
// + 1 alerts request + 1 per drifted PR.
import { withAlerts as withAlertsJoin } from "../domain/alert-join.js";
import type { DependabotAlert } from "../domain/dependabot-alert.js";
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import { slaClassOf } from "../domain/sla-class.js";
import { splitFullName, type GitHubReads, type RepoName } from "../github/github-reads.js";
import { priorityOf } from "../queue/evaluation-scheduler.js";
import type { ReconcileRepositoryJob } from "../queue/jobs.js";
import type { RepoLocation } from "../store/pull-request-store.js";
import type { OpenPullsSeen } from "../store/sync-state-store.js";
import { recordListedPull, updatedAtOf } from "./record-listed-pull.js";
import type { WorkerDeps } from "./worker-deps.js";

export interface Repairs {
  recorded: number;
  closed: number;
  restarted: number;
  alertsChanged: boolean;
  requests: number;
}

export async function reconcileRepository(deps: WorkerDeps, data: ReconcileRepositoryJob["data"]): Promise<Repairs> {
  const location = { installationId: data.installationId, repoId: data.repoId };
  const github = await deps.github(data.installationId);
  const name = splitFullName(data.repo);
  const repairs: Repairs = { recorded: 0, closed: 0, restarted: 0, alertsChanged: false, requests: 0 };
  const records = new Map((await deps.store.listRepo(location)).map((r) => [r.number, r]));
  const seen = await deps.sync.openPulls(location);
  const listing = await listOpen(github, name, seen, repairs);
  const open: Array<[number, number, 0 | 1]> = [];

  for (const [number, updatedAt, wasBot] of listing.open) {
    const record = records.get(number);
    const current = record !== undefined && record.state === "open" && record.updatedAt >= updatedAt;
    // Unchanged on GitHub (304) and not a bot PR last time: nothing to learn from fetching it.
    if (current || (!listing.json.has(number) && wasBot === 0)) {
      open.push([number, updatedAt, record ? 1 : wasBot]);
      continue;
    }
    const json = listing.json.get(number) ?? (await fetchPull(github, name, number, repairs));
    const outcome = json === null ? "ignored" : await recordListedPull(deps, location, data.repo, json);
    if (outcome === "recorded") repairs.recorded += 1;
    open.push([number, updatedAt, outcome === "recorded" || outcome === "unchanged" ? 1 : 0]);
  }
  await deps.sync.saveOpenPulls(location, listing.etag ? { etag: listing.etag, open } : null);

  const openOnGitHub = new Set(listing.open.map(([number]) => number));
  for (const record of records.values()) {
    if (record.state !== "open" || openOnGitHub.has(record.number)) continue;
    const json = await fetchPull(github, name, record.number, repairs);
    if (json !== null && (await recordListedPull(deps, location, data.repo, json)) === "recorded") repairs.closed += 1;
  }

  const alerts = await refreshAlerts(deps, github, location, name, repairs);
  for (const record of (await deps.store.listRepo(location)).filter((r) => r.state === "open")) {
    const dependsOnAlerts = repairs.alertsChanged && record.update.bot === "dependabot";
    if (!dependsOnAlerts && (await deps.scheduler.isScheduled(record))) continue;
    if (!dependsOnAlerts) repairs.restarted += 1;
    await deps.scheduler.soon(record, record.repo, priorityOf(slaClassOf(withAlertsOf(record, alerts))));
  }

  const drifted = repairs.recorded + repairs.closed + repairs.restarted > 0 || repairs.alertsChanged;
  deps.log[drifted ? "info" : "debug"]({ installationId: data.installationId, repo: data.repo, ...repairs }, drifted ? "reconciliation repaired drift" : "reconciliation found no drift");
  return repairs;
}

interface OpenListing {
  open: Array<[number, number, 0 | 1]>;
  /** The PRs' JSON when GitHub sent it (not on a 304). */
  json: Map<number, unknown>;
  /** Kept only when one page held every open PR. */
  etag: string | null;
}

async function listOpen(github: GitHubReads, repo: RepoName, seen: OpenPullsSeen | null, repairs: Repairs): Promise<OpenListing> {
  const json = new Map<number, unknown>();
  const open: Array<[number, number, 0 | 1]> = [];
  let etag: string | null = null;
  for (let page = 1; ; page += 1) {
    const answer = await github.listPullRequestsPage(repo, { state: "open", sort: "created", direction: "desc", page, etag: page === 1 ? seen?.etag : null });
    repairs.requests += 1;
    if (answer.kind === "not-modified") return { open: seen?.open ?? [], json, etag: seen?.etag ?? null };
    for (const pull of answer.pulls) {
      const number = (pull as { number?: unknown }).number;
      if (typeof number !== "number") continue;
      json.set(number, pull);
      open.push([number, updatedAtOf(pull), 0]);
    }
    if (page === 1) etag = answer.etag;
    if (!answer.next) return { open, json, etag: page === 1 ? etag : null };
  }
}

async function fetchPull(github: GitHubReads, repo: RepoName, number: number, repairs: Repairs): Promise<unknown> {
  repairs.requests += 1;
  return github.getPullRequest(repo, number);
}

async function refreshAlerts(deps: WorkerDeps, github: GitHubReads, location: RepoLocation, repo: RepoName, repairs: Repairs): Promise<DependabotAlert[]> {
  const before = await deps.alerts.list(location);
  const listed = await github.listDependabotAlerts(repo);
  repairs.requests += 1;
  if (listed === null) return before;
  const key = (alerts: DependabotAlert[]): string => JSON.stringify([...alerts].sort((a, b) => a.number - b.number));
  repairs.alertsChanged = key(before) !== key(listed);
  await deps.alerts.replaceAll(location, listed, deps.now());
  return listed;
}

function withAlertsOf(record: PullRequestRecord, alerts: DependabotAlert[]): PullRequestRecord["update"] {
  return record.update.bot === "dependabot" ? withAlertsJoin(record.update, alerts) : record.update;
}
