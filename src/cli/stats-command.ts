// `merge-discipline stats --repo owner/name [--json] [--days N]`: time-to-merge straight from Redis.
import { parseArgs } from "node:util";
import { renderStatsText } from "../domain/render-stats.js";
import { DEFAULT_STATS_WINDOW_MS, timeToMergeStats } from "../domain/time-to-merge.js";
import { connectRedis } from "../redis/connect-redis.js";
import { RedisPullRequestStore } from "../store/redis-pull-request-store.js";
import type { CliIo } from "./cli-io.js";

export const STATS_USAGE = "usage: merge-discipline stats --repo owner/name [--json] [--days N]";

export async function statsCommand(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { repo: { type: "string" }, json: { type: "boolean" }, days: { type: "string" } },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${STATS_USAGE}`);
    return 2;
  }
  const repo = values.repo;
  const days = values.days === undefined ? DEFAULT_STATS_WINDOW_MS / 86_400_000 : Number(values.days);
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !(days > 0)) {
    io.err(STATS_USAGE);
    return 2;
  }
  const redis = await connectRedis(io.env.REDIS_URL || "redis://127.0.0.1:6379");
  try {
    const store = new RedisPullRequestStore(redis);
    const location = await store.findRepo(repo);
    if (!location) {
      io.err(`no dependency pull requests recorded for ${repo} (is the app installed there, and has a Dependabot or Renovate PR changed since?)`);
      return 1;
    }
    const stats = timeToMergeStats(repo, await store.listRepo(location), io.now(), days * 86_400_000);
    io.out(values.json ? JSON.stringify(stats, null, 2) : renderStatsText(stats));
    return 0;
  } finally {
    redis.disconnect();
  }
}
