// Use case "it is digest time": build each repo's digest and the organisation's from Redis state (no
// GitHub reads for config and alerts: see digest-inputs), then publish the issues —
// or, in a dry run, hand back the markdown.
import { withAlerts } from "../domain/alert-join.js";
import { buildOrgDigest, buildRepoDigest, type RepoDigest } from "../domain/digest/build-digest.js";
import { renderOrgDigest, renderRepoDigest } from "../domain/digest/render-digest.js";
import { weekOf } from "../domain/digest/week-of.js";
import { resolveRepoLineages } from "../domain/lineage.js";
import { contactsMentions } from "../domain/owners.js";
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import { splitFullName } from "../github/github-reads.js";
import { lineageIdOf } from "./pr-context.js";
import { approvalOf } from "../domain/review-approval.js";
import type { PrDigestFacts } from "../domain/digest/model.js";
import { installationPolicy } from "./installation-policy.js";
import { ensureDigestSchedule } from "./digest-schedule.js";
import { publishDigestIssue, type DigestOutcome } from "./publish-digest-issue.js";
import { storedAlerts, storedPolicy } from "./digest-inputs.js";
import type { WorkerDeps } from "./worker-deps.js";
import { mapBounded } from "../async/map-bounded.js";

const READ_CONCURRENCY = 16;

export interface DigestRequest {
  installationId: number;
  /** Only this repo's digest (and no org digest). */
  onlyRepo?: string;
  dryRun?: boolean;
  /** The organisation digest only (the one a finished backfill publishes). */
  orgOnly?: boolean;
}

export interface PublishedDigest {
  target: string;
  title: string;
  body: string;
  outcome: DigestOutcome | "dry-run" | "disabled";
}

export async function publishDigests(deps: WorkerDeps, request: DigestRequest): Promise<PublishedDigest[]> {
  const now = deps.now();
  const repos = (await deps.store.listRepos(request.installationId))
    .filter((r) => !request.onlyRepo || r.name.toLowerCase() === request.onlyRepo.toLowerCase())
    .sort((a, b) => a.name.localeCompare(b.name));
  const org = repos[0]?.name.split("/")[0] ?? request.onlyRepo?.split("/")[0];
  if (!org) return [];
  const orgPolicy = await installationPolicy(deps, request.installationId, org);
  if (!request.onlyRepo) {
    await ensureDigestSchedule(deps, request.installationId, { pattern: orgPolicy.digest.schedule, tz: orgPolicy.digest.timezone });
  }
  const week = weekOf(now, orgPolicy.digest.timezone);
  const results: PublishedDigest[] = [];
  const digests: RepoDigest[] = [];

  // Reads go out a few repos at a time; publishing stays one issue after another, in name order.
  const inputs = await mapBounded(repos, READ_CONCURRENCY, async ({ repoId, name }) => {
    const location = { installationId: request.installationId, repoId };
    const policy = await storedPolicy(deps, location, name);
    if (!policy.enabled || !policy.digest.enabled) return null;
    const records = await deps.store.listRepo(location);
    const alerts = await storedAlerts(deps, location, name);
    // Built here, so a repo's records are let go as soon as its digest exists.
    return { name, policy, digest: buildRepoDigest({ repo: name, records, alerts, policy, now, prFacts: await prFacts(deps, records, alerts) }) };
  });
  for (const input of inputs) {
    if (!input) continue;
    const { name, policy, digest } = input;
    digests.push(digest);
    if (request.orgOnly) continue;
    const mentions = policy.digest.mentionOwners
      ? contactsMentions({ users: [...policy.owners.users, ...policy.contacts.users], teams: [...policy.owners.teams, ...policy.contacts.teams] })
      : [];
    const rendered = renderRepoDigest(digest, { week, mentions, webUrl: deps.webUrl });
    const open = digest.stale.length > 0 || digest.alertsWithoutPr.length > 0 || policy.digest.openWhenClean;
    results.push(
      await publishOrPreview(deps, request, {
        installationId: request.installationId,
        repo: splitFullName(name),
        target: `repo:${name}`,
        week,
        ...rendered,
        open,
        assignees: policy.digest.assignees,
      }),
    );
  }

  if (!request.onlyRepo && orgPolicy.digest.orgRepo !== "" && digests.length > 0) {
    const orgDigest = buildOrgDigest(digests, now, orgPolicy.digest.orgOldest);
    const rendered = renderOrgDigest(orgDigest, { week, org, webUrl: deps.webUrl });
    const stale = digests.some((d) => d.stale.length > 0 || d.alertsWithoutPr.length > 0);
    results.push(
      await publishOrPreview(deps, request, {
        installationId: request.installationId,
        repo: { owner: org, repo: orgPolicy.digest.orgRepo },
        target: `org:${org}`,
        week,
        ...rendered,
        open: stale || orgPolicy.digest.openWhenClean,
        assignees: [],
      }),
    );
  }
  return results;
}

async function publishOrPreview(deps: WorkerDeps, request: DigestRequest, issue: Parameters<typeof publishDigestIssue>[1]): Promise<PublishedDigest> {
  const base = { target: issue.target, title: issue.title, body: issue.body };
  if (request.dryRun) return { ...base, outcome: "dry-run" };
  return { ...base, outcome: await publishDigestIssue(deps, issue) };
}

/** Snooze, CI, approval and escalation stage of each open security PR, all from Redis (the digest and the metrics read them). */
export async function prFacts(deps: WorkerDeps, records: PullRequestRecord[], alerts: Parameters<typeof withAlerts>[1]) {
  const facts = new Map<number, PrDigestFacts>();
  const lineages = resolveRepoLineages(records);
  for (const record of records) {
    if (record.state !== "open" || !withAlerts(record.update, alerts).security) continue;
    const startedAt = lineages.get(record.number)?.startedAt ?? record.createdAt;
    const state = await deps.prStates.get(record);
    const posted = await deps.escalations.doneStages(record, lineageIdOf(record.lineageKey, startedAt));
    const approval = approvalOf(state.reviews, record.headSha);
    facts.set(record.number, {
      snooze: await deps.escalations.snooze(record),
      ci: state.ci?.sha === record.headSha ? state.ci.state : "unknown",
      postedStages: [...posted],
      approvedAt: approval && !approval.stale ? approval.at : null,
    });
  }
  return facts;
}
