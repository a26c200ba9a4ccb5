import type { Redis } from "ioredis";
import type { PullRequestRecord, PullRequestRef } from "../domain/pull-request-record.js";
import type { CommitInfo } from "../domain/types.js";
import { versionOf, type PullRequestStore, type RepoLocation, type UpsertOutcome } from "./pull-request-store.js";
import { redisKeys, type RedisKeys } from "./redis-keys.js";
import { LuaScript } from "../redis/lua-script.js";

const COMMITS_TTL_SECONDS = 30 * 24 * 3600;
const OUTCOMES: UpsertOutcome[] = ["stale", "created", "updated", "unchanged"];

// Compare-and-set in one round trip: two processes handling two events of one PR cannot interleave.
// It also keeps the repo's name index, written only when the name is new: the webhook path's one write.
const UPSERT_SCRIPT = new LuaScript(`
local stored = redis.call('HGET', KEYS[1], 'v')
if stored and tonumber(stored) > tonumber(ARGV[1]) then return 0 end
if stored and redis.call('HGET', KEYS[1], 'json') == ARGV[2] then return 3 end
if redis.call('HGET', KEYS[4], ARGV[5]) ~= ARGV[6] then
  redis.call('HSET', KEYS[4], ARGV[5], ARGV[6])
  redis.call('SET', KEYS[5], ARGV[7])
end
local previousSet = redis.call('HGET', KEYS[1], 'lineageSet')
if previousSet and previousSet ~= KEYS[3] then redis.call('SREM', previousSet, ARGV[3]) end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'json', ARGV[2], 'lineageSet', KEYS[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[3])
if stored then return 2 end
return 1
`);

export class RedisPullRequestStore implements PullRequestStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix?: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  async upsert(record: PullRequestRecord): Promise<UpsertOutcome> {
    const result = await UPSERT_SCRIPT.run(
      this.redis,
      [
        this.keys.pr(record),
        this.keys.repoPrs(record),
        this.keys.lineage(record, record.lineageKey),
        this.keys.installationRepos(record.installationId),
        this.keys.repoName(record.repo),
      ],
      [
        String(versionOf(record)),
        JSON.stringify(record),
        String(record.number),
        String(record.createdAt),
        String(record.repoId),
        record.repo,
        JSON.stringify({ installationId: record.installationId, repoId: record.repoId }),
      ],
    );
    return OUTCOMES[Number(result)] ?? "updated";
  }

  async get(ref: PullRequestRef): Promise<PullRequestRecord | null> {
    const json = await this.redis.hget(this.keys.pr(ref), "json");
    return json ? (JSON.parse(json) as PullRequestRecord) : null;
  }

  async listRepo(location: RepoLocation): Promise<PullRequestRecord[]> {
    const numbers = await this.redis.zrange(this.keys.repoPrs(location), "0", "-1");
    return this.loadMany(location, numbers);
  }

  async listLineage(location: RepoLocation, lineageKey: string): Promise<PullRequestRecord[]> {
    const numbers = await this.redis.smembers(this.keys.lineage(location, lineageKey));
    return this.loadMany(location, numbers);
  }

  async nameRepo(fullName: string, location: RepoLocation, previousName?: string): Promise<void> {
    const pipeline = this.redis
      .multi()
      .set(this.keys.repoName(fullName), JSON.stringify(location))
      .hset(this.keys.installationRepos(location.installationId), String(location.repoId), fullName);
    if (previousName && previousName.toLowerCase() !== fullName.toLowerCase()) {
      pipeline.del(this.keys.repoName(previousName));
    }
    await pipeline.exec();
  }

  async findRepo(fullName: string): Promise<RepoLocation | null> {
    const json = await this.redis.get(this.keys.repoName(fullName));
    return json ? (JSON.parse(json) as RepoLocation) : null;
  }

  async listRepos(installationId: number): Promise<Array<{ repoId: number; name: string }>> {
    const entries = await this.redis.hgetall(this.keys.installationRepos(installationId));
    return Object.entries(entries).map(([repoId, name]) => ({ repoId: Number(repoId), name }));
  }

  async saveCommits(location: RepoLocation, headSha: string, commits: CommitInfo[]): Promise<void> {
    await this.redis.set(this.keys.commits(location, headSha), JSON.stringify(commits), "EX", COMMITS_TTL_SECONDS);
  }

  async loadCommits(location: RepoLocation, headSha: string): Promise<CommitInfo[] | null> {
    const json = await this.redis.get(this.keys.commits(location, headSha));
    return json ? (JSON.parse(json) as CommitInfo[]) : null;
  }

  private async loadMany(location: RepoLocation, numbers: string[]): Promise<PullRequestRecord[]> {
    if (numbers.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const n of numbers) pipeline.hget(this.keys.pr({ ...location, number: Number(n) }), "json");
    const results = (await pipeline.exec()) ?? [];
    const records: PullRequestRecord[] = [];
    for (const [error, json] of results) {
      if (error) throw error;
      if (typeof json === "string") records.push(JSON.parse(json) as PullRequestRecord);
    }
    return records;
  }
}
