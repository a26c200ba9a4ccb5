import { lineageKey } from "./lineage.js";
import { stateOf, type PullRequestRecord } from "./pull-request-record.js";
import type { PullRequestSnapshot } from "./pull-request-snapshot.js";
import type { RecognisedUpdate } from "./types.js";

export function recordFromSnapshot(
  snapshot: PullRequestSnapshot,
  update: RecognisedUpdate,
  enriched: boolean,
): PullRequestRecord {
  const { facts } = snapshot;
  return {
    ...snapshot.ref,
    repo: snapshot.repo,
    update,
    author: facts.author.login,
    title: facts.title,
    headRef: facts.headRef,
    headSha: snapshot.headSha,
    state: stateOf(snapshot.merged, snapshot.closedAt),
    createdAt: snapshot.createdAt,
    updatedAt: snapshot.updatedAt,
    mergedAt: snapshot.mergedAt,
    closedAt: snapshot.closedAt,
    lineageKey: lineageKey(update, facts.title, facts.headRef),
    enriched,
    people: snapshot.people,
    nodeId: snapshot.nodeId,
    draft: snapshot.draft,
    mergeable: snapshot.mergeable,
    ...(snapshot.baseRef === undefined ? {} : { baseRef: snapshot.baseRef }),
  };
}
