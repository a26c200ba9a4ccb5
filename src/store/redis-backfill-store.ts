import type { Redis } from "ioredis";
import type { BackfillRun, BackfillStore, RepoProgress } from "./backfill-store.js";
import type { RepoLocation } from "./pull-request-store.js";
import { redisKeys, type RedisKeys } from "./redis-keys.js";
import { LuaScript } from "../redis/lua-script.js";

// Two triggers at once (installation.created and a CLI call) must land in one run, not two.
const BEGIN = new LuaScript(`
local runId = redis.call('HGET', KEYS[1], 'runId')
if runId and not redis.call('HGET', KEYS[1], 'finishedAt') then
  return {runId, redis.call('HGET', KEYS[1], 'startedAt')}
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], 'runId', ARGV[1], 'trigger', ARGV[2], 'startedAt', ARGV[3])
return {ARGV[1], ARGV[3]}
`);

// Done when every repo is; HSETNX makes the "finished" answer unique to one caller.
const SETTLE = new LuaScript(`
if redis.call('HGET', KEYS[1], 'runId') ~= ARGV[1] then return 0 end
for _, json in ipairs(redis.call('HVALS', KEYS[2])) do
  if cjson.decode(json).phase ~= 'done' then return 0 end
end
return redis.call('HSETNX', KEYS[1], 'finishedAt', ARGV[2])
`);

export class RedisBackfillStore implements BackfillStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix?: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  async begin(installationId: number, trigger: string, now: number): Promise<{ runId: string; startedAt: number }> {
    const runId = `${now.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const [id, startedAt] = (await BEGIN.run(this.redis, [this.keys.backfill(installationId), this.keys.backfillRepos(installationId)], [runId, trigger, String(now)])) as [string, string];
    return { runId: id, startedAt: Number(startedAt) };
  }

  async addRepos(installationId: number, runId: string, repos: Array<{ repoId: number; name: string }>): Promise<RepoProgress[]> {
    if ((await this.redis.hget(this.keys.backfill(installationId), "runId")) !== runId) return [];
    const added: RepoProgress[] = [];
    for (const { repoId, name } of repos) {
      const progress: RepoProgress = { runId, repoId, name, phase: "alerts", page: 1, recorded: 0, impostors: 0, requests: 0 };
      if ((await this.redis.hsetnx(this.keys.backfillRepos(installationId), String(repoId), JSON.stringify(progress))) === 1) added.push(progress);
    }
    return added;
  }

  async progress(installationId: number, repoId: number): Promise<RepoProgress | null> {
    const json = await this.redis.hget(this.keys.backfillRepos(installationId), String(repoId));
    return json ? (JSON.parse(json) as RepoProgress) : null;
  }

  async save(installationId: number, progress: RepoProgress): Promise<void> {
    await this.redis.hset(this.keys.backfillRepos(installationId), String(progress.repoId), JSON.stringify(progress));
  }

  async dropRepos(installationId: number, repoIds: number[]): Promise<void> {
    if (repoIds.length > 0) await this.redis.hdel(this.keys.backfillRepos(installationId), ...repoIds.map(String));
  }

  async settle(installationId: number, runId: string, now: number): Promise<boolean> {
    const result = await SETTLE.run(this.redis, [this.keys.backfill(installationId), this.keys.backfillRepos(installationId)], [runId, String(now)]);
    return result === 1;
  }

  async run(installationId: number): Promise<BackfillRun | null> {
    const run = await this.redis.hgetall(this.keys.backfill(installationId));
    if (!run.runId) return null;
    const repos = Object.values(await this.redis.hgetall(this.keys.backfillRepos(installationId)))
      .map((json) => JSON.parse(json) as RepoProgress)
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      runId: run.runId,
      trigger: run.trigger ?? "",
      startedAt: Number(run.startedAt),
      finishedAt: run.finishedAt ? Number(run.finishedAt) : null,
      repos,
    };
  }

  async quietBefore(location: RepoLocation): Promise<number | null> {
    const value = await this.redis.hget(this.keys.quietBefore(location.installationId), String(location.repoId));
    return value === null ? null : Number(value);
  }

  async setQuietBefore(installationId: number, repoIds: number[], at: number, overwrite: boolean): Promise<void> {
    const key = this.keys.quietBefore(installationId);
    for (const repoId of repoIds) {
      if (overwrite) await this.redis.hset(key, String(repoId), String(at));
      else await this.redis.hsetnx(key, String(repoId), String(at));
    }
  }
}
