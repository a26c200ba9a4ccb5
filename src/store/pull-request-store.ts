import type { CommitInfo } from "../domain/types.js";
import type { PullRequestRecord, PullRequestRef, PullRequestState } from "../domain/pull-request-record.js";

/** "unchanged": the same record was stored already, and nothing was written. */
export type UpsertOutcome = "created" | "updated" | "stale" | "unchanged";

export interface RepoLocation {
  installationId: number;
  repoId: number;
}

/** Where PR lifecycles live. One contract, run against the Redis and the in-memory adapter alike. */
export interface PullRequestStore {
  /**
   * Writes the record unless the stored one is newer (GitHub's `updated_at`; on a tie merged beats
   * closed beats open, then an enriched record beats a plain one), so a late or redelivered webhook
   * never rolls a PR back. It also makes the repo findable by the record's name (as `nameRepo` does),
   * and writes nothing when nothing changed.
   */
  upsert(record: PullRequestRecord): Promise<UpsertOutcome>;
  get(ref: PullRequestRef): Promise<PullRequestRecord | null>;
  listRepo(location: RepoLocation): Promise<PullRequestRecord[]>;
  listLineage(location: RepoLocation, lineageKey: string): Promise<PullRequestRecord[]>;
  /** Keeps `owner/name` → repo resolvable for the CLI and follows renames. */
  nameRepo(fullName: string, location: RepoLocation, previousName?: string): Promise<void>;
  findRepo(fullName: string): Promise<RepoLocation | null>;
  /** Every repo of an installation that ever had a recognised PR, with its current name. */
  listRepos(installationId: number): Promise<Array<{ repoId: number; name: string }>>;
  /** Commit facts are immutable per head SHA, so they are cached by it and read from GitHub once. */
  saveCommits(location: RepoLocation, headSha: string, commits: CommitInfo[]): Promise<void>;
  loadCommits(location: RepoLocation, headSha: string): Promise<CommitInfo[] | null>;
}

/** A delivery being handled: in progress until completed, and free again if released or its holder died. */
export interface DeliveryClaim {
  deliveryId: string;
  token: string;
}

/** Remembers webhook delivery ids so a redelivered webhook is recorded once. */
export interface DeliveryLog {
  /** A claim when this delivery is neither handled nor being handled; null otherwise. */
  claim(deliveryId: string): Promise<DeliveryClaim | null>;
  /** Marks the delivery handled, for good (its redeliveries are skipped). */
  complete(claim: DeliveryClaim): Promise<void>;
  /** Gives up a claim whose handling failed, so GitHub's redelivery can try again. */
  release(claim: DeliveryClaim): Promise<void>;
}

/** The newer-wins rule both adapters share: a tie (same version) is a redelivery and may overwrite. */
export function isNewer(candidate: PullRequestRecord, stored: PullRequestRecord | null): boolean {
  return !stored || versionOf(candidate) >= versionOf(stored);
}

// `updated_at` has one-second resolution, so a stale "opened" can carry the same second as the merge
// that followed it. A PR can be merged or closed after being open but never un-merged, so on a tie the
// further-along state wins; a same-second reopen is left for reconciliation to see on GitHub.
const STATE_RANK: Record<PullRequestState, number> = { open: 0, closed: 1, merged: 2 };

/** Orders snapshots of one PR: GitHub's `updated_at`, then state, then enrichment (fits a double). */
export function versionOf(record: PullRequestRecord): number {
  return record.updatedAt * 8 + STATE_RANK[record.state] * 2 + (record.enriched ? 1 : 0);
}
