// Use case "a pull request changed": recognise it, keep its lifecycle, and queue what needs GitHub.
import type { Logger } from "pino";
import { recognise } from "../domain/recognise.js";
import { recordFromSnapshot } from "../domain/record-from-snapshot.js";
import type { PullRequestSnapshot } from "../domain/pull-request-snapshot.js";
import type { BotIdentities } from "../domain/types.js";
import type { JobQueue } from "../queue/jobs.js";
import { priorityOf, type EvaluationScheduler } from "../queue/evaluation-scheduler.js";
import { slaClassOf } from "../domain/sla-class.js";
import { isNewer, type PullRequestStore, type UpsertOutcome } from "../store/pull-request-store.js";
import type { PullRequestRecord } from "../domain/pull-request-record.js";
import type { CommitInfo } from "../domain/types.js";

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

/** What the webhook path read from Redis alongside its delivery claim, so recording reads nothing more. */
export interface PreloadedRecord {
  commits: CommitInfo[] | null;
  stored: PullRequestRecord | null;
}

export async function recordPullRequest(deps: RecordDeps, snapshot: PullRequestSnapshot, preloaded?: PreloadedRecord): Promise<RecordOutcome> {
  const location = { installationId: snapshot.ref.installationId, repoId: snapshot.ref.repoId };
  const commits = preloaded ? preloaded.commits : await deps.store.loadCommits(location, snapshot.headSha);
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
  const known = preloaded && noWriteNeeded(record, preloaded.stored);
  if (known) return { kind: "recorded", outcome: known, enrichQueued: false };
  // Sent together: the store's compare-and-set reaches Redis first on the one connection, and an
  // evaluation queued for an event that turns out stale only looks at the stored record and finds nothing.
  // Any change may move the next escalation (or end it: a merge cancels what is pending).
  const priority = priorityOf(slaClassOf(record.update));
  const [outcome] = await Promise.all([
    deps.store.upsert(record),
    record.state === "open" ? deps.scheduler.soon(snapshot.ref, snapshot.repo, priority) : deps.scheduler.schedule(snapshot.ref, snapshot.repo, null, priority),
  ]);
  const enrichQueued = recognition.needsCommits && outcome !== "stale" && outcome !== "unchanged";
  if (enrichQueued) await deps.queue.add({ name: "enrich-pull-request", data: { snapshot } });
  return { kind: "recorded", outcome, enrichQueued };
}

/** A redelivered, late or repeated event: the stored record says so without a write. */
function noWriteNeeded(record: PullRequestRecord, stored: PullRequestRecord | null): "stale" | "unchanged" | null {
  if (!stored) return null;
  if (!isNewer(record, stored)) return "stale";
  return JSON.stringify(record) === JSON.stringify(stored) ? "unchanged" : null;
}
