// Dependabot and Renovate close a PR and open a newer one for the same dependency. A patch's clock
// must run from the first PR of that chain, or superseding would make a stale patch look fresh.
import type { PullRequestRecord } from "./pull-request-record.js";
import type { RecognisedUpdate } from "./types.js";

/**
 * A closed (unmerged) PR still carries its lineage to a successor opened within this gap. Both bots
 * open the successor at once when they supersede; a week allows for a paused bot or a slow rebase
 * without chaining unrelated updates months apart.
 */
export const LINEAGE_GAP_MS = 7 * 24 * 3600 * 1000;

const DEPENDABOT_GROUP = /\bbump the (\S+) group\b/i;

/**
 * Same ecosystem, directory and package set → same lineage. Groups change their package set from one
 * PR to the next, so a group is known by its name: Dependabot's "the X group" or Renovate's branch,
 * which Renovate keeps stable per group.
 */
export function lineageKey(update: RecognisedUpdate, title: string, headRef: string): string {
  const place = `${update.ecosystem ?? "?"}|${update.directory ?? "/"}`;
  if (update.grouped) {
    const dependabotGroup = update.bot === "dependabot" ? DEPENDABOT_GROUP.exec(title)?.[1] : undefined;
    if (dependabotGroup) return `${place}|group:${dependabotGroup.toLowerCase()}`;
    if (update.bot === "renovate") return `${place}|branch:${headRef}`;
  }
  const names = [...new Set(update.packages.map((p) => p.name.toLowerCase()))].sort();
  return names.length > 0 ? `${place}|${names.join(",")}` : `${place}|branch:${headRef}`;
}

export interface LineageFacts {
  /** When the first PR of this PR's lineage was opened. */
  startedAt: number;
  /** Closed without merge and followed by a newer PR of the same lineage. */
  superseded: boolean;
}

/**
 * Walks the PRs of one lineage key in creation order and splits them into chains: a chain ends when
 * one of its PRs merged, or when its last PR closed unmerged more than LINEAGE_GAP_MS before the next.
 */
export function resolveLineages(records: readonly PullRequestRecord[]): Map<number, LineageFacts> {
  const result = new Map<number, LineageFacts>();
  const sorted = [...records].sort((a, b) => a.createdAt - b.createdAt || a.number - b.number);
  let chainStart = 0;
  let chainReach = -Infinity;
  let previous: PullRequestRecord | null = null;
  for (const record of sorted) {
    if (record.createdAt > chainReach) {
      chainStart = record.createdAt;
      chainReach = -Infinity;
    } else if (previous && previous.state === "closed") {
      result.set(previous.number, { startedAt: chainStart, superseded: true });
    }
    result.set(record.number, { startedAt: chainStart, superseded: false });
    chainReach = Math.max(chainReach, reachOf(record));
    previous = record;
  }
  return result;
}

function reachOf(record: PullRequestRecord): number {
  if (record.state === "open") return Infinity;
  if (record.state === "merged") return record.mergedAt ?? record.updatedAt;
  return (record.closedAt ?? record.updatedAt) + LINEAGE_GAP_MS;
}

/** Lineage facts of every PR of one repo, each resolved within its own lineage key. */
export function resolveRepoLineages(records: readonly PullRequestRecord[]): Map<number, LineageFacts> {
  const byKey = new Map<string, PullRequestRecord[]>();
  for (const record of records) byKey.set(record.lineageKey, [...(byKey.get(record.lineageKey) ?? []), record]);
  const all = new Map<number, LineageFacts>();
  for (const group of byKey.values()) for (const [number, facts] of resolveLineages(group)) all.set(number, facts);
  return all;
}
