// Use case "a pull request changed": recognise it, keep its lifecycle, and queue what needs GitHub.
import type { Logger } from "pino";
import { recognise } from "../domain/recognise.js";
import { recordFromSnapshot } from "../domain/record-from-snapshot.js";
import type { PullRequestSnapshot } from "../domain/pull-request-snapshot.js";
import type { BotIdentities } from "../domain/types.js";
import type { JobQueue } from "../queue/jobs.js";
import { priorityOf, type EvaluationScheduler } from "../queue/evaluation-scheduler.js";
import { slaClassOf } from "../domain/sla-class.js";
import type { PullRequestStore, UpsertOutcome } from "../store/pull-request-store.js";

export interface RecordDeps {
  store: PullRequestStore;
  queue: JobQueue;
  scheduler: EvaluationScheduler;
  identities: BotIdentities;
  now: () => number;
  log: Logger;
}

export type RecordOutcome =
  | { kind: "recorded"; outcome: UpsertOutcome; enrichQueued: boolean }
  | { kind: "impostor"; reason: string }
  | { kind: "ignored" };

export async function recordPullRequest(deps: RecordDeps, snapshot: PullRequestSnapshot): Promise<RecordOutcome> {
  const location = { installationId: snapshot.ref.installationId, repoId: snapshot.ref.repoId };
  const commits = await deps.store.loadCommits(location, snapshot.headSha);
  const recognition = recognise(commits ? { ...snapshot.facts, commits } : snapshot.facts, deps.identities);

  if (recognition.kind === "impostor") {
    deps.log.warn(
      { repo: snapshot.repo, pr: snapshot.ref.number, author: snapshot.facts.author.login, lookalike: recognition.bot, reason: recognition.reason },
      "suspected impostor: pull request looks like a bot's but its author is not the bot",
    );
    return { kind: "impostor", reason: recognition.reason };
  }
  if (recognition.kind === "not-a-bot-pr") return { kind: "ignored" };

  const record = recordFromSnapshot(snapshot, recognition.update, commits !== null);
  const outcome = await deps.store.upsert(record);
  await deps.store.nameRepo(snapshot.repo, location);
  const enrichQueued = recognition.needsCommits && outcome !== "stale";
  if (enrichQueued) await deps.queue.add({ name: "enrich-pull-request", data: { snapshot } });
  if (outcome !== "stale") {
    // Any change may move the next escalation (or end it: a merge cancels what is pending).
    const at = record.state === "open" ? deps.now() : null;
    await deps.scheduler.schedule(snapshot.ref, snapshot.repo, at, priorityOf(slaClassOf(record.update)));
  }
  return { kind: "recorded", outcome, enrichQueued };
}
