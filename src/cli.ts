// `npx merge-discipline <command>`: the user-facing CLI. Each command lives in src/cli/.
import { RedisUnavailableError } from "./redis/connect-redis.js";
import { parseCommand } from "./cli/parse-command.js";
import type { CliIo } from "./cli/cli-io.js";
import { statsCommand } from "./cli/stats-command.js";
import { digestCommand } from "./cli/digest-command.js";
import { backfillCommand } from "./cli/backfill-command.js";
import { readSettings } from "./settings.js";

const HELP = `merge-discipline — make teams merge their dependency updates on time

commands:
  parse [file] [--commits FILE]         recognise a pull request (GitHub REST JSON, file or stdin) and print the update as JSON;
                                        commits (gh api repos/O/R/pulls/N/commits) add Dependabot's commit metadata
  stats --repo owner/name [--json]      time to merge for a repository, from Redis (REDIS_URL)
        [--days N]                      window in days (default 90)
  digest --installation <id>            publish the weekly stale-security-patch digests now
        [--repo owner/name] [--dry-run] one repo only; print the markdown instead of publishing
  backfill --installation <id>          read what GitHub knows (bot PRs, alerts) into Redis; the app's worker runs it
        [--repo owner/name]             one repo only
  backfill --status [--installation <id>]  how far backfills got`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "parse":
        return await parseCommand(args, io, readSettings(io.env).identities);
      case "stats":
        return await statsCommand(args, io);
      case "digest":
        return await digestCommand(args, io);
      case "backfill":
        return await backfillCommand(args, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        io.err(`unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof RedisUnavailableError) {
      io.err(`merge-discipline: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
