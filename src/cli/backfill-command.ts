// `merge-discipline backfill --installation <id> [--repo owner/name]`: queue a backfill for the app's
// worker to run; `merge-discipline backfill --status [--installation <id>]`: how far backfills got.
import { parseArgs } from "node:util";
import { createProbot } from "probot";
import { BullMqJobQueue } from "../queue/bullmq-job-queue.js";
import { connectRedis } from "../redis/connect-redis.js";
import { readSettings } from "../settings.js";
import { RedisBackfillStore } from "../store/redis-backfill-store.js";
import { RedisPullRequestStore } from "../store/redis-pull-request-store.js";
import { knownInstallations } from "../use-cases/digest-schedule.js";
import { renderBackfillStatus } from "./render-backfill-status.js";
import type { CliIo } from "./cli-io.js";

export const BACKFILL_USAGE = "usage: merge-discipline backfill --installation <id> [--repo owner/name]\n       merge-discipline backfill --status [--installation <id>]";

type ProbotOverrides = NonNullable<Parameters<typeof createProbot>[0]>["overrides"];

export async function backfillCommand(args: string[], io: CliIo, probotOverrides: ProbotOverrides = {}): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { installation: { type: "string" }, repo: { type: "string" }, status: { type: "boolean" } } }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${BACKFILL_USAGE}`);
    return 2;
  }
  const installationId = values.installation === undefined ? null : Number(values.installation);
  const badId = installationId !== null && (!Number.isInteger(installationId) || installationId <= 0);
  const badRepo = values.repo !== undefined && (!/^[\w.-]+\/[\w.-]+$/.test(values.repo) || values.status);
  if (badId || badRepo || (!values.status && installationId === null)) {
    io.err(BACKFILL_USAGE);
    return 2;
  }
  const settings = readSettings(io.env);
  const redis = await connectRedis(settings.redisUrl);
  try {
    if (values.status) {
      const backfills = new RedisBackfillStore(redis);
      const ids = installationId === null ? await knownInstallations(redis) : [installationId];
      const runs = await Promise.all(ids.map(async (id) => ({ installationId: id, run: await backfills.run(id) })));
      io.out(renderBackfillStatus(runs, io.now()));
      return 0;
    }
    const id = installationId as number;
    let repos: Array<{ repoId: number; name: string }> | null = null;
    if (values.repo) {
      const repoId = await repoIdOf(new RedisPullRequestStore(redis), values.repo, id, io, probotOverrides);
      if (repoId === null) return 1;
      repos = [{ repoId, name: values.repo }];
    }
    const queue = new BullMqJobQueue(redis);
    try {
      await queue.add({ name: "backfill-installation", data: { installationId: id, trigger: "cli", repos, key: `cli-${io.now()}` } });
    } finally {
      await queue.close();
    }
    io.out(`backfill queued for installation ${id}${values.repo ? ` (${values.repo})` : ""}; the app's worker runs it — follow it with: merge-discipline backfill --status --installation ${id}`);
    return 0;
  } finally {
    redis.disconnect();
  }
}

/** From Redis when the repo is known; otherwise GitHub says (the app's credentials are needed then). */
async function repoIdOf(
  store: RedisPullRequestStore, repo: string, installationId: number, io: CliIo, probotOverrides: ProbotOverrides,
): Promise<number | null> {
  const known = await store.findRepo(repo);
  if (known) return known.repoId;
  if (!readSettings(io.env).hasCredentials) {
    io.err(`merge-discipline backfill: ${repo} is not known yet; to look it up on GitHub, set the GitHub App's credentials (APP_ID and PRIVATE_KEY, as in .env)`);
    return null;
  }
  const probot = createProbot({ env: io.env, overrides: probotOverrides });
  const [owner = "", name = ""] = repo.split("/");
  try {
    const octokit = await probot.auth(installationId);
    return (await octokit.rest.repos.get({ owner, repo: name })).data.id;
  } catch (error) {
    io.err(`merge-discipline backfill: cannot read ${repo} as installation ${installationId}: ${(error as Error).message}`);
    return null;
  }
}
