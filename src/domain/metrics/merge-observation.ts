// A merge as the time-to-merge histogram and the SLO counter record it: measured from the lineage start
// (a superseded PR's wait counts), judged against the class's SLA as the digest judges it.
import { resolveLineages } from "../lineage.js";
import type { Policy } from "../policy.js";
import type { PullRequestRecord } from "../pull-request-record.js";
import { slaClassOf } from "../sla-class.js";
import { addSlaTime } from "../sla-time.js";
import type { RecognisedUpdate } from "../types.js";

export interface MergeObservation {
  repository: string;
  org: string;
  updateType: string;
  /** The advisory's severity; "none" for an update that is not a security fix. */
  severity: string;
  seconds: number;
  security: boolean;
  withinSla: boolean;
}

/** `lineage`: the records sharing the merged record's lineage key (it may be among them). Null when not merged. */
export function mergeObservation(record: PullRequestRecord, update: RecognisedUpdate, lineage: readonly PullRequestRecord[], policy: Policy): MergeObservation | null {
  if (record.state !== "merged" || record.mergedAt === null) return null;
  const others = lineage.filter((r) => r.number !== record.number);
  const startedAt = resolveLineages([...others, record]).get(record.number)?.startedAt ?? record.createdAt;
  const dueAt = addSlaTime(startedAt, policy.sla[slaClassOf(update)], policy);
  return {
    repository: record.repo,
    org: record.repo.split("/")[0] ?? "",
    updateType: update.updateType,
    severity: update.security ? (update.severity ?? "unknown") : "none",
    seconds: Math.max(0, record.mergedAt - startedAt) / 1000,
    security: update.security,
    withinSla: record.mergedAt <= dueAt,
  };
}
