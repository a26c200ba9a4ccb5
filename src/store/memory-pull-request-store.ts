// The in-memory twin of the Redis store, for unit tests and dry runs; the same contract suite runs on both.
import { refKey, type PullRequestRecord, type PullRequestRef } from "../domain/pull-request-record.js";
import type { CommitInfo } from "../domain/types.js";
import { isNewer, type PullRequestStore, type RepoLocation, type UpsertOutcome } from "./pull-request-store.js";

const repoOf = (l: RepoLocation): string => `${l.installationId}:${l.repoId}`;
const clone = <T>(value: T): T => structuredClone(value);

export class MemoryPullRequestStore implements PullRequestStore {
  private readonly records = new Map<string, PullRequestRecord>();
  private readonly names = new Map<string, RepoLocation>();
  private readonly display = new Map<string, string>();
  private readonly commits = new Map<string, CommitInfo[]>();

  async upsert(record: PullRequestRecord): Promise<UpsertOutcome> {
    const stored = this.records.get(refKey(record)) ?? null;
    if (!isNewer(record, stored)) return "stale";
    if (stored && JSON.stringify(stored) === JSON.stringify(record)) return "unchanged";
    if (!this.names.has(record.repo.toLowerCase())) await this.nameRepo(record.repo, { installationId: record.installationId, repoId: record.repoId });
    this.records.set(refKey(record), clone(record));
    return stored ? "updated" : "created";
  }

  async get(ref: PullRequestRef): Promise<PullRequestRecord | null> {
    const record = this.records.get(refKey(ref));
    return record ? clone(record) : null;
  }

  async listRepo(location: RepoLocation): Promise<PullRequestRecord[]> {
    return [...this.records.values()]
      .filter((r) => repoOf(r) === repoOf(location))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map(clone);
  }

  async listLineage(location: RepoLocation, lineageKey: string): Promise<PullRequestRecord[]> {
    return (await this.listRepo(location)).filter((r) => r.lineageKey === lineageKey);
  }

  async nameRepo(fullName: string, location: RepoLocation, previousName?: string): Promise<void> {
    if (previousName) this.names.delete(previousName.toLowerCase());
    this.names.set(fullName.toLowerCase(), { ...location });
    this.display.set(fullName.toLowerCase(), fullName);
  }

  async findRepo(fullName: string): Promise<RepoLocation | null> {
    return this.names.get(fullName.toLowerCase()) ?? null;
  }

  async listRepos(installationId: number): Promise<Array<{ repoId: number; name: string }>> {
    const byId = new Map<number, string>();
    for (const [name, location] of this.names) if (location.installationId === installationId) byId.set(location.repoId, this.display.get(name) ?? name);
    return [...byId].map(([repoId, name]) => ({ repoId, name }));
  }

  async saveCommits(location: RepoLocation, headSha: string, commits: CommitInfo[]): Promise<void> {
    this.commits.set(`${repoOf(location)}:${headSha}`, clone(commits));
  }

  async loadCommits(location: RepoLocation, headSha: string): Promise<CommitInfo[] | null> {
    const commits = this.commits.get(`${repoOf(location)}:${headSha}`);
    return commits ? clone(commits) : null;
  }
}
