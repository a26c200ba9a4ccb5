// The one place an escalation stage reaches GitHub. Leased in Redis first (two workers never both
// post), confirmed open on GitHub (a late or lost webhook never gets a merged PR nudged), checked
// against the hidden markers already on the PR (a retry or a Redis that lost its history never
// reposts), paid for from the installation's write budget, and marked done only once GitHub took it.
import type { Approval } from "../domain/review-approval.js";
import type { EscalationPlan } from "../domain/escalation.js";
import { nudgeMarker, parseNudgeMarkers } from "../domain/nudge-marker.js";
import { contactsMentions } from "../domain/owners.js";
import type { EscalationStage, Policy } from "../domain/policy.js";
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import { renderNudge } from "../domain/render-nudge.js";
import { splitFullName, type CiState } from "../github/github-reads.js";
import { spendWrites } from "./spend-writes.js";
import { RetryLater } from "../queue/retry-later.js";
import { claimedIds } from "../store/escalation-store.js";
import { recordPullRequest } from "./record-pull-request.js";
import { snapshotFromPullRequest } from "../github/pull-request-snapshot.js";
import { resolveOwners } from "./resolve-owners.js";
import type { WorkerDeps } from "./worker-deps.js";

export const NUDGE_MARKER_PREFIX = "<!-- merge-discipline:nudge";

export interface StageToPost {
  record: PullRequestRecord;
  plan: EscalationPlan;
  stage: EscalationStage;
  policy: Policy;
  lineageId: string;
  lineageStartedAt: number;
  ci: CiState;
  approval?: Approval | null;
  /** False for a stage that was already history when the app first looked at the repo: labels only. */
  comment?: boolean;
}

/** "closed": GitHub says the PR is no longer open; its record was brought up to date and nothing was posted. */
export type PostOutcome = "posted" | "done" | "closed";

export async function postStage(deps: WorkerDeps, input: StageToPost): Promise<PostOutcome> {
  const { record, plan, stage, lineageId } = input;
  const location = { installationId: record.installationId, repoId: record.repoId };
  const claim = await deps.escalations.claimStages(location, lineageId, [stage.id, ...plan.skip]);
  if (!claimedIds(claim).includes(stage.id)) {
    await deps.escalations.releaseStages(location, lineageId, claim);
    // Another worker holds it: look again when its lease ends, in case that worker died mid-way.
    if (claim.heldForMs !== null) throw new RetryLater(deps.now() + claim.heldForMs + 100, "stage being posted elsewhere");
    return "done";
  }
  try {
    const repo = splitFullName(record.repo);
    const json = await (await deps.github(record.installationId)).getPullRequest(repo, record.number);
    const onGitHubNow = json === null ? null : snapshotFromPullRequest(record.installationId, { id: record.repoId, full_name: record.repo }, json);
    if (!onGitHubNow || onGitHubNow.merged || onGitHubNow.closedAt !== null) {
      await deps.escalations.releaseStages(location, lineageId, claim);
      if (onGitHubNow) await recordPullRequest(deps, onGitHubNow);
      deps.log.info({ repo: record.repo, pr: record.number, stage: stage.id, gone: !onGitHubNow }, "pull request is not open on GitHub; nudge dropped");
      return "closed";
    }
    const writes = await deps.writes(record.installationId);
    const silent = input.comment === false;
    const onGitHub = silent ? [] : (await writes.findMarkedComments(repo, record.number, NUDGE_MARKER_PREFIX)).flatMap((c) => parseNudgeMarkers(c.body));
    const alreadyPosted = silent || onGitHub.some((m) => m.lineageId === lineageId && m.stageId === stage.id);
    // Stages skipped because a later one is due still leave their labels: the PR *is* overdue.
    const labels = [...new Set([stage, ...plan.stages.map((s) => s.stage).filter((s) => plan.skip.includes(s.id))]
      .map((s) => s.label)
      .filter((label): label is string => label !== null))];
    const cost = (alreadyPosted ? 0 : 1) + (labels.length > 0 ? 1 : 0);
    await spendWrites(deps, record.installationId, cost);
    if (!alreadyPosted) {
      const wantsOwners = stage.mention === "owners" || stage.mention === "owners-and-contacts";
      const wantsContacts = stage.mention === "contacts" || stage.mention === "owners-and-contacts";
      const owners = wantsOwners
        ? await resolveOwners(await deps.github(record.installationId), record, input.policy)
        : { source: "none" as const, mentions: [] };
      const body = renderNudge({
        record,
        plan,
        stage,
        lineageStartedAt: input.lineageStartedAt,
        lineageId,
        now: deps.now(),
        owners,
        contacts: wantsContacts ? contactsMentions(input.policy.contacts) : [],
        labels,
        ci: input.ci,
        webUrl: deps.webUrl,
        // Just read from GitHub, so fresher than the record; null while GitHub is still computing it.
        mergeable: onGitHubNow.mergeable ?? record.mergeable,
        approval: input.approval ?? null,
      });
      await writes.ensureComment(repo, record.number, nudgeMarker({ stageId: stage.id, lineageId }), body);
    }
    if (labels.length > 0) await writes.ensureLabels(repo, record.number, labels);
    await deps.escalations.completeStages(location, lineageId, claim);
    deps.log.info({ repo: record.repo, pr: record.number, stage: stage.id, skipped: plan.skip, comment: !silent }, "escalation stage posted");
    return "posted";
  } catch (error) {
    await deps.escalations.releaseStages(location, lineageId, claim).catch(() => undefined);
    throw error;
  }
}
