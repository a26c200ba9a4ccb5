// Runs in its own process for bench/scale.ts: the digest dry run of installation 1, as the app's digest job
// builds it, then prints the process's peak RSS, so what the bench itself holds is not counted.
import { digestCommand } from "../src/cli/digest-command.js";
import { TestOctokit } from "../test/helpers/app-harness.js";

const io = {
  readStdin: async () => "",
  readFile: async () => "",
  out: () => undefined,
  err: (line: string) => process.stderr.write(`${line}\n`),
  env: process.env,
  now: () => Date.now(),
};
const code = await digestCommand(["--installation", "1", "--dry-run"], io, { Octokit: TestOctokit });
console.log(JSON.stringify({ code, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
process.exit(0);
