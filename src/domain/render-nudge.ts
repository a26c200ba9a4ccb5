// The body of one nudge comment, built from small section renderers. Everything taken from the PR or a
// registry goes through markdown-escape; the only mentions are the owners and contacts handed in.
import { classText, securityLine, updateLine } from "./check-run/update-lines.js";
export { advisoryLink } from "./advisory-link.js";
import { REBASE } from "./check-run/pr-check-advice.js";
import type { CiState } from "./ci-state.js";
import { durationAdjective, durationInWords, formatDuration } from "./format-duration.js";
import type { EscalationPlan } from "./escalation.js";
import { inlineCode } from "./markdown-escape.js";
import { nudgeMarker } from "./nudge-marker.js";
import { MAX_MENTIONS, mentionOf } from "./owners.js";
import type { OwnerChoice } from "./owners.js";
import type { EscalationStage } from "./policy.js";
import type { PullRequestRecord } from "./pull-request-record.js";
import type { Approval } from "./review-approval.js";
import { approvalPhrase, approvers } from "./check-run/approval-text.js";

export interface RenderNudgeInput {
  record: PullRequestRecord;
  plan: EscalationPlan;
  stage: EscalationStage;
  lineageStartedAt: number;
  lineageId: string;
  now: number;
  owners: OwnerChoice;
  contacts: string[];
  /** Every label this stage adds (its own and those of stages it skipped). */
  labels: readonly string[];
  /** CI on the PR's head, as the PR check shows it, so the nudge says what to do next. */
  ci: CiState;
  /** GitHub's `mergeable`: false is a conflict with the base branch; null is not computed yet. */
  mergeable: boolean | null;
  /** Where GitHub's web pages are (a GHES host); github.com when not given. */
  webUrl?: string;
  /** Standing approvals; an update approved on its head needs merging, not reviewing. */
  approval?: Approval | null;
}

const CONFIG_FILE = "`.github/merge-discipline.yml`";
const SNOOZE = "`/merge-discipline snooze <duration> <reason>`";
const SNOOZE_HINT = `If it has to wait, snooze these reminders with ${SNOOZE}.`;

export function renderNudge(input: RenderNudgeInput): string {
  const security = securityLine(input.record.update, input.webUrl);
  const review = input.approval ? [`- **Review:** ${approvalPhrase(input.approval, input.now)}`] : [];
  const facts = [updateLine(input.record.update), ...(security ? [security] : []), ageLine(input), ...review];
  const sections = [header(input), actionLines(input), [...facts, slaLine(input), nextLine(input)].join("\n"), mentionLines(input), SNOOZE_HINT];
  const body = sections.filter((section) => section !== "").join("\n\n");
  return `${body}\n\n${nudgeMarker({ stageId: input.stage.id, lineageId: input.lineageId })}\n`;
}

export function formatInstant(ms: number): string {
  if (!Number.isFinite(ms)) return "never";
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function relative(ms: number, now: number): string {
  return ms > now ? `in ${formatDuration(ms - now)}` : `${formatDuration(now - ms)} ago`;
}

function stagePosition(input: RenderNudgeInput): { index: number; total: number } {
  const index = input.plan.stages.findIndex((entry) => entry.stage.id === input.stage.id);
  return { index, total: input.plan.stages.length };
}

/** The stakes first: what kind of fix, and where it stands against its SLA. */
function header(input: RenderNudgeInput): string {
  const { index, total } = stagePosition(input);
  const bot = input.record.update.bot === "dependabot" ? "Dependabot" : "Renovate";
  const count = index >= 0 ? ` (reminder ${index + 1} of ${total})` : "";
  const { at } = input.stage;
  const trigger =
    "fraction" in at
      ? `${Math.round(at.fraction * 100)}% of its merge SLA has passed`
      : `it was first proposed ${formatDuration(at.afterMs)} ago`;
  const approval = currentApproval(input);
  const approved = approval === null ? "" : `, approved by ${approvers(approval)} and still not merged`;
  const headline = `**${kindOf(input.plan.slaClass)}, ${standing(input.plan, input.now)}${approved}**${count}`;
  return `${headline}\nAutomated reminder from merge-discipline about this ${bot} update: ${trigger}.`;
}

const KIND: Record<string, string> = { patch: "Patch update", minor: "Minor update", major: "Major update", other: "Dependency update" };

function kindOf(slaClass: EscalationPlan["slaClass"]): string {
  if (!slaClass.startsWith("security.")) return KIND[slaClass] ?? "Dependency update";
  const severity = slaClass.slice("security.".length);
  if (severity === "unknown") return "Security fix of unknown severity";
  return `${severity.charAt(0).toUpperCase()}${severity.slice(1)}-severity security fix`;
}

function standing({ dueAt, slaMs }: EscalationPlan, now: number): string {
  if (!Number.isFinite(dueAt)) return "waiting to be merged (no SLA)";
  if (dueAt > now) return `due in ${durationInWords(dueAt - now)}`;
  return `${durationInWords(now - dueAt)} past its ${durationAdjective(slaMs)} SLA`;
}

function ageLine(input: RenderNudgeInput): string {
  const age = formatDuration(input.now - input.lineageStartedAt);
  const since = formatInstant(input.lineageStartedAt);
  const earlier = input.lineageStartedAt < input.record.createdAt ? ", by an earlier PR that this one replaced" : "";
  return `- **Age:** ${age} since this update was first proposed (${since}${earlier})`;
}

function slaLine({ plan, now }: RenderNudgeInput): string {
  const target = `${formatDuration(plan.slaMs)} for ${classText(plan.slaClass)}`;
  if (!Number.isFinite(plan.dueAt)) return `- **SLA:** none for ${classText(plan.slaClass)}`;
  const due =
    plan.dueAt > now
      ? `due ${formatInstant(plan.dueAt)} (${relative(plan.dueAt, now)})`
      : `**overdue** since ${formatInstant(plan.dueAt)} (${relative(plan.dueAt, now)})`;
  return `- **SLA:** ${target}; ${due}`;
}

function stageEffect(stage: EscalationStage): string {
  const who: Record<EscalationStage["mention"], string> = {
    none: "without mentions",
    owners: "mentioning the owners",
    contacts: "mentioning the escalation contacts",
    "owners-and-contacts": "mentioning the owners and the escalation contacts",
  };
  const label = stage.label === null ? "" : ` and adding the label ${inlineCode(stage.label, 50)}`;
  return `${who[stage.mention]}${label}`;
}

function nextLine(input: RenderNudgeInput): string {
  const { index, total } = stagePosition(input);
  const next = index >= 0 ? input.plan.stages[index + 1] : undefined;
  if (next === undefined) return "- **Next:** this is the last reminder.";
  const when = `${formatInstant(next.dueAt)} (${relative(next.dueAt, input.now)})`;
  return `- **Next:** reminder ${index + 2} of ${total} on ${when}, ${stageEffect(next.stage)}.`;
}

/** With a conflict the rebase comes first (it may fix CI too), so CI's own advice to merge is left out. */
const CI_LINE: Record<CiState, { alone: string; withConflict: string }> = {
  passing: { alone: "CI is passing: review and merge it.", withConflict: "CI is passing." },
  failing: { alone: "CI is failing: fix or re-run it before merging.", withConflict: "CI is failing: fix or re-run it before merging." },
  pending: { alone: "CI is still running: merge once it passes.", withConflict: "CI is still running." },
  unknown: { alone: "No CI has reported on this commit: review it before merging.", withConflict: "" },
};

/** Someone already said yes: what is left is the merge (unless CI or a conflict stands in the way). */
const APPROVED_LINE: Record<CiState, string> = {
  passing: "It is approved and CI is passing: merge it.",
  failing: "It is approved, but CI is failing: fix or re-run it before merging.",
  pending: "It is approved: merge it once CI passes.",
  unknown: "It is approved: merge it.",
};

function currentApproval({ approval }: RenderNudgeInput): Approval | null {
  return approval && !approval.stale ? approval : null;
}

function actionLines(input: RenderNudgeInput): string {
  const { record, ci, mergeable, labels } = input;
  const conflict = mergeable === false ? `It has conflicts with the base branch: ${REBASE[record.update.bot]}. ` : "";
  const approved = conflict === "" && currentApproval(input) !== null;
  const action = approved ? APPROVED_LINE[ci] : `${conflict}${CI_LINE[ci][conflict === "" ? "alone" : "withConflict"]}`.trim();
  const shown = labels.map((label) => inlineCode(label, 50));
  const labelled = shown.length === 0 ? [] : [`${shown.length === 1 ? "Label" : "Labels"} ${shown.join(", ")} added.`];
  return [action, ...labelled].join("\n");
}

/** Re-validated here too, so a caller's slip cannot turn into a stray mention; each principal once. */
function validMentions(mentions: readonly string[], exclude: ReadonlySet<string>): string[] {
  const seen = new Set(exclude);
  const valid: string[] = [];
  for (const mention of mentions.map(mentionOf)) {
    if (mention === null || seen.has(mention.toLowerCase())) continue;
    seen.add(mention.toLowerCase());
    valid.push(mention);
  }
  return valid.slice(0, MAX_MENTIONS);
}

const NO_OWNERS =
  "No owner to mention: this PR has no requested reviewers or assignees, CODEOWNERS names nobody for it, " +
  `and no owners are configured (\`owners\` in ${CONFIG_FILE}).`;
const NO_CONTACTS =
  `This stage escalates to the escalation contacts, but none are configured (\`contacts\` in ${CONFIG_FILE}).`;

const OWNER_SOURCE: Record<OwnerChoice["source"], string> = {
  "reviewers-and-assignees": "requested reviewers and assignees",
  codeowners: "CODEOWNERS",
  configured: "configured owners",
  none: "none found",
};

function mentionLines({ stage, owners, contacts }: RenderNudgeInput): string {
  const wantsOwners = stage.mention === "owners" || stage.mention === "owners-and-contacts";
  const wantsContacts = stage.mention === "contacts" || stage.mention === "owners-and-contacts";
  const lines: string[] = [];
  const ownerMentions = wantsOwners ? validMentions(owners.mentions, new Set()) : [];
  if (wantsOwners) {
    const source = OWNER_SOURCE[owners.source];
    lines.push(ownerMentions.length > 0 ? `Owners (${source}): ${ownerMentions.join(" ")}` : NO_OWNERS);
  }
  if (wantsContacts) {
    const fresh = validMentions(contacts, new Set(ownerMentions.map((mention) => mention.toLowerCase())));
    if (fresh.length > 0) lines.push(`Escalation contacts: ${fresh.join(" ")}`);
    else if (validMentions(contacts, new Set()).length > 0) lines.push("Escalation contacts: already mentioned above.");
    else lines.push(NO_CONTACTS);
  }
  return lines.join("\n");
}
