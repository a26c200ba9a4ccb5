import type { Redis } from "ioredis";
import type { InstallationData } from "./installation-data.js";
import type { RepoLocation } from "./pull-request-store.js";
import { redisKeys, type RedisKeys } from "./redis-keys.js";

/** Hash fields keyed by repo id in the installation's tables. */
const PER_REPO_TABLES = ["policies", "quiet-before", "backfill:repos"] as const;

export class RedisInstallationData implements InstallationData {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = "{merge-discipline}",
  ) {
    this.keys = redisKeys(prefix);
  }

  async forgetInstallation(installationId: number): Promise<number> {
    // Names point at repos by id; read them before the table that lists them goes.
    const names = Object.values(await this.redis.hgetall(this.keys.installationRepos(installationId)));
    let deleted = await this.unlinkNames(names, installationId);
    for (const pattern of this.keys.installationPatterns(installationId)) deleted += await this.unlinkMatching(pattern);
    await this.redis.srem(`${this.prefix}:installations`, String(installationId));
    return deleted;
  }

  async forgetRepo(location: RepoLocation): Promise<number> {
    const { installationId, repoId } = location;
    const name = await this.redis.hget(this.keys.installationRepos(installationId), String(repoId));
    let deleted = name ? await this.unlinkNames([name], installationId) : 0;
    deleted += await this.unlinkMatching(this.keys.repoPattern(location));
    const tx = this.redis.multi().hdel(this.keys.installationRepos(installationId), String(repoId));
    for (const table of PER_REPO_TABLES) tx.hdel(`${this.prefix}:installation:${installationId}:${table}`, String(repoId));
    await tx.exec();
    return deleted;
  }

  /** A name is only this installation's while it points here (a transferred repo may belong to another). */
  private async unlinkNames(names: string[], installationId: number): Promise<number> {
    let deleted = 0;
    for (const name of names) {
      const key = this.keys.repoName(name);
      const json = await this.redis.get(key);
      if (json && (JSON.parse(json) as RepoLocation).installationId === installationId) deleted += await this.redis.unlink(key);
    }
    return deleted;
  }

  private async unlinkMatching(pattern: string): Promise<number> {
    let deleted = 0;
    let cursor = "0";
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) deleted += await this.redis.unlink(...keys);
    } while (cursor !== "0");
    return deleted;
  }
}
