// Use case "a maintainer talked to the app": a PR comment command or a check-run button. The comment gets
// a reaction at once and one reply per command; every reply carries a marker tied to the command, so a
// retried job updates its reply instead of adding another.
import { approvalOf } from "../domain/review-approval.js";
import { decideSnooze } from "../domain/commands/decide-snooze.js";
import { parseCommands, type Command } from "../domain/commands/parse-commands.js";
import { renderHelp, renderInvalidCommand, renderSnoozeRefused, renderSnoozeReply, renderUnsnoozeReply } from "../domain/commands/render-replies.js";
import { renderStatus } from "../domain/commands/render-status.js";
import { snoozeActionMs } from "../domain/check-run/render-pr-check.js";
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import { slaClassOf } from "../domain/sla-class.js";
import { splitFullName } from "../github/github-reads.js";
import type { RunCommandJob } from "../queue/jobs.js";
import { priorityOf } from "../queue/evaluation-scheduler.js";
import { spendWrites } from "./spend-writes.js";
import { actorRights } from "./actor-rights.js";
import { currentCi } from "./pr-ci.js";
import { prContext } from "./pr-context.js";
import type { WorkerDeps } from "./worker-deps.js";

type Data = RunCommandJob["data"];
type Action = Command | { kind: "ack"; text: string };

export async function runCommand(deps: WorkerDeps, data: Data): Promise<void> {
  const record = await deps.store.get(data.ref);
  if (!record) return;
  const slug = await deps.appSlug();
  const actions = actionsOf(data, slug);
  if (actions.length === 0) return;
  const repo = splitFullName(record.repo);
  // Decide first, then write: the budget is asked for exactly the writes that follow (none for an acknowledgement).
  const replies: Array<{ marker: string; body: string }> = [];
  for (const [index, action] of actions.entries()) {
    const marker = `<!-- merge-discipline:reply ${data.source.kind === "comment" ? `comment=${data.source.commentId}` : `button=${data.source.deliveryId}`} n=${index} -->`;
    const body = await perform(deps, record, data.actor, action, slug, marker);
    if (body) replies.push({ marker, body });
  }
  const count = (data.source.kind === "comment" ? 1 : 0) + replies.length;
  if (count > 0) {
    await spendWrites(deps, record.installationId, count);
    const writes = await deps.writes(record.installationId);
    if (data.source.kind === "comment") await writes.addReaction(repo, data.source.commentId, "eyes");
    for (const reply of replies) await writes.ensureComment(repo, record.number, reply.marker, reply.body);
  }
  // The check (and the next reminder) follow at once.
  await deps.scheduler.soon(record, record.repo, priorityOf(slaClassOf(record.update)));
}

function actionsOf(data: Data, slug: string): Action[] {
  if (data.source.kind === "comment") return parseCommands(data.source.body, slug);
  const { identifier } = data.source;
  if (identifier === "ack") return [{ kind: "ack", text: "Acknowledge" }];
  const durationMs = snoozeActionMs(identifier);
  return durationMs === null ? [] : [{ kind: "snooze", text: identifier, durationMs, reason: "snoozed from the merge-discipline check" }];
}

async function perform(deps: WorkerDeps, record: PullRequestRecord, actor: string, action: Action, slug: string, marker: string): Promise<string | null> {
  const now = deps.now();
  switch (action.kind) {
    case "help":
      return renderHelp(slug, marker);
    case "invalid":
      return renderInvalidCommand(action.problem, slug, marker);
    case "status":
      return renderStatus(await statusFacts(deps, record), marker);
    case "ack":
    case "unsnooze":
    case "snooze": {
      const context = await prContext(deps, record);
      const rights = await actorRights(await deps.github(record.installationId), splitFullName(record.repo), actor, context.policy);
      if (action.kind === "snooze") {
        const decision = decideSnooze({
          requested: action.durationMs,
          reason: action.reason,
          actor,
          slaClass: slaClassOf(context.record.update),
          policy: context.policy,
          now,
          actorCanWrite: rights.canWrite,
          actorInAllowList: rights.inAllowList,
        });
        if (!decision.ok) return renderSnoozeRefused(decision.why, actor, marker);
        await deps.escalations.setSnooze(record, { until: decision.until, by: actor, reason: decision.reason, at: now });
        deps.log.info({ repo: record.repo, pr: record.number, actor, until: new Date(decision.until).toISOString() }, "snoozed");
        return renderSnoozeReply({ actor, until: decision.until, capped: decision.capped, maxMs: decision.maxMs, reason: decision.reason, now }, marker);
      }
      if (!rights.canWrite && !rights.inAllowList) return renderSnoozeRefused("not-allowed", actor, marker, action.kind);
      if (action.kind === "ack") {
        await deps.prStates.set(record, "acknowledged", { by: actor, at: now });
        return null;
      }
      const previous = await deps.escalations.snooze(record);
      await deps.escalations.setSnooze(record, null);
      return renderUnsnoozeReply({ actor, previous: previous && previous.until > now ? previous : null }, marker);
    }
  }
}

/** Everything `status` shows, gathered as evaluation gathers it. */
async function statusFacts(deps: WorkerDeps, original: PullRequestRecord) {
  const context = await prContext(deps, original);
  const state = await deps.prStates.get(original);
  return {
    ...context,
    now: deps.now(),
    ci: await currentCi(deps, original),
    mergeable: original.mergeable,
    acknowledged: state.acknowledged,
    autoMerge: state.autoMerge ? { state: state.autoMerge.state, reason: state.autoMerge.reason } : { state: "off" as const, reason: null },
    webUrl: deps.webUrl,
    approval: approvalOf(state.reviews, original.headSha),
  };
}
