// `merge-discipline digest --installation <id> [--repo owner/name] [--dry-run]`: the weekly digest, now.
import { parseArgs } from "node:util";
import { createProbot } from "probot";
import { buildWorkerDeps } from "../build-worker-deps.js";
import { AppOctokit } from "../github/app-octokit.js";
import { createLogger } from "../logging/create-logger.js";
import { BullMqJobQueue } from "../queue/bullmq-job-queue.js";
import { RetryLater } from "../queue/retry-later.js";
import { connectRedis } from "../redis/connect-redis.js";
import { readSettings } from "../settings.js";
import { publishDigests } from "../use-cases/publish-digests.js";
import type { CliIo } from "./cli-io.js";

export const DIGEST_USAGE = "usage: merge-discipline digest --installation <id> [--repo owner/name] [--dry-run]";

type ProbotOverrides = NonNullable<Parameters<typeof createProbot>[0]>["overrides"];

export async function digestCommand(args: string[], io: CliIo, probotOverrides: ProbotOverrides = {}): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { installation: { type: "string" }, repo: { type: "string" }, "dry-run": { type: "boolean" } } }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${DIGEST_USAGE}`);
    return 2;
  }
  const installationId = Number(values.installation);
  if (!Number.isInteger(installationId) || installationId <= 0 || (values.repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(values.repo))) {
    io.err(DIGEST_USAGE);
    return 2;
  }
  const settings = readSettings(io.env);
  if (!settings.hasCredentials) {
    io.err("merge-discipline digest: needs the GitHub App's credentials (APP_ID and PRIVATE_KEY or PRIVATE_KEY_PATH, as in .env) to read config and publish");
    return 2;
  }
  const redis = await connectRedis(settings.redisUrl);
  const queue = new BullMqJobQueue(redis);
  try {
    const log = createLogger(io.env, 2, "warn");
    const probot = createProbot({ env: io.env, overrides: { log, Octokit: AppOctokit, ...probotOverrides } });
    const deps = buildWorkerDeps({ redis, queue, probot, log, now: io.now, identities: settings.identities, leaseMs: settings.claimLeaseMs, enterpriseServer: settings.enterpriseServer, webUrl: settings.webUrl });
    const results = await publishDigests(deps, { installationId, onlyRepo: values.repo, dryRun: values["dry-run"] === true });
    if (results.length === 0) io.err(`no repositories with recorded dependency PRs for installation ${installationId}`);
    for (const result of results) {
      io.out(values["dry-run"] ? `<!-- ${result.target} -->\n# ${result.title}\n\n${result.body}\n` : `${result.target}: ${result.outcome} — ${result.title}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof RetryLater) {
      io.err(`merge-discipline digest: the installation's write budget is spent; try again after ${new Date(error.at).toISOString()}`);
      return 1;
    }
    throw error;
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
