import type { RepoLocation } from "./pull-request-store.js";

/** What the last reconciliation saw of a repo's open PRs on GitHub, so the next one can ask "changed?" (ETag). */
export interface OpenPullsSeen {
  etag: string;
  /** [number, updated_at ms, 1 when it is a recognised bot PR] of every open PR GitHub listed. */
  open: Array<[number, number, 0 | 1]>;
}

export interface SyncStateStore {
  openPulls(location: RepoLocation): Promise<OpenPullsSeen | null>;
  /** null: the listing took more than one page, where one ETag cannot answer for all of them. */
  saveOpenPulls(location: RepoLocation, seen: OpenPullsSeen | null): Promise<void>;
}
