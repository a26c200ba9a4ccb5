// The one place an escalation stage reaches GitHub. Claimed in Redis first (two workers never both
// post), checked against the hidden markers already on the PR (a Redis that lost its history never
// causes a repost), and paid for from the installation's write budget.
import type { EscalationPlan } from "../domain/escalation.js";
import { nudgeMarker, parseNudgeMarkers } from "../domain/nudge-marker.js";
import { contactsMentions } from "../domain/owners.js";
import type { EscalationStage, Policy } from "../domain/policy.js";
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import { renderNudge } from "../domain/render-nudge.js";
import { splitFullName, type CiState } from "../github/github-reads.js";
import { spendWrites } from "./spend-writes.js";
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
  /** False for a stage that was already history when the app first looked at the repo: labels only. */
  comment?: boolean;
}

export async function postStage(deps: WorkerDeps, input: StageToPost): Promise<void> {
  const { record, plan, stage, lineageId } = input;
  const location = { installationId: record.installationId, repoId: record.repoId };
  const claimed = await deps.escalations.claimStages(location, lineageId, [stage.id, ...plan.skip]);
  if (!claimed.includes(stage.id)) return; // another worker is posting (or posted) it
  try {
    const repo = splitFullName(record.repo);
    const writes = await deps.writes(record.installationId);
    const silent = input.comment === false;
    const onGitHub = silent ? [] : (await writes.findMarkedComments(repo, record.number, NUDGE_MARKER_PREFIX)).flatMap((c) => parseNudgeMarkers(c.body));
    const alreadyPosted = silent || onGitHub.some((m) => m.lineageId === lineageId && m.stageId === stage.id);
    // Stages skipped because a later one is due still leave their labels: the PR *is* overdue.
    const labels = [...new Set([stage, ...plan.stages.map((s) => s.stage).filter((s) => plan.skip.includes(s.id))]
      .map((s) => s.label)
      .filter((label): label is string => label !== null))];
    const cost = (alreadyPosted ? 0 : 1) + (labels.length > 0 ? 1 : 0);
    if (cost === 0) return;
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
        label: stage.label,
        ci: input.ci,
      });
      await writes.ensureComment(repo, record.number, nudgeMarker({ stageId: stage.id, lineageId }), body);
    }
    if (labels.length > 0) await writes.ensureLabels(repo, record.number, labels);
    deps.log.info({ repo: record.repo, pr: record.number, stage: stage.id, skipped: plan.skip, comment: !silent }, "escalation stage posted");
  } catch (error) {
    await deps.escalations.releaseStages(location, lineageId, claimed);
    throw error;
  }
}
