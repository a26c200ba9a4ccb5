// `merge-discipline parse [file] [--commits FILE]`: recognise one pull request (GitHub REST JSON, from a file or
// stdin), with its commits when given, and print the recognised update as JSON, or null when it is no bot's update.
import { DEFAULT_BOT_IDENTITIES } from "../domain/bot-identity.js";
import { commitsFromRest } from "../domain/commit-facts.js";
import { factsFromRestPullRequest, MalformedPullRequestError } from "../domain/pull-request-facts.js";
import { recognise } from "../domain/recognise.js";
import type { BotIdentities, CommitInfo, PullRequestFacts, RecognisedUpdate } from "../domain/types.js";

export const PARSE_USAGE =
  "usage: merge-discipline parse [file] [--commits FILE]   (reads stdin when no file or - is given; FILE is the output of gh api repos/O/R/pulls/N/commits)";

export interface ParseIo {
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

/** `args` are the arguments after `parse`. Exit 0 when something was printed, 2 for bad input. */
export async function parseCommand(
  args: string[],
  io: ParseIo,
  identities: BotIdentities = DEFAULT_BOT_IDENTITIES,
): Promise<number> {
  const parsedArgs = readArgs(args);
  if (!parsedArgs) {
    io.err(PARSE_USAGE);
    return 2;
  }
  const source = parsedArgs.path ?? "stdin";
  const input = await readJson(parsedArgs.path, io);
  if (!input.ok) return 2;
  let commitsJson: unknown;
  if (parsedArgs.commits !== null) {
    const read = await readJson(parsedArgs.commits, io);
    if (!read.ok) return 2;
    commitsJson = read.json;
  }

  let facts: PullRequestFacts;
  try {
    const { pullRequest, commits } = unwrap(input.json);
    facts = factsFromRestPullRequest(pullRequest);
    const list: CommitInfo[] | null =
      commitsJson !== undefined ? commitsFromRest(commitsJson) : commits !== undefined ? commitsFromRest(commits) : null;
    // As the app does once it has read them: recognition then uses Dependabot's commit metadata.
    if (list) facts.commits = list;
  } catch (error) {
    if (!(error instanceof MalformedPullRequestError)) throw error;
    io.err(`parse: ${parsedArgs.commits !== null && error.message.startsWith("commits") ? parsedArgs.commits : source}: ${error.message}`);
    return 2;
  }

  const recognition = recognise(facts, identities);
  if (recognition.kind === "impostor") io.err(`suspected impostor: ${recognition.reason}`);
  io.out(recognition.kind === "update" ? JSON.stringify(ordered(recognition.update)) : "null");
  return 0;
}

function readArgs(args: string[]): { path: string | null; commits: string | null } | null {
  let path: string | null = null;
  let commits: string | null = null;
  let positional = 0;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? "";
    if (arg === "--commits") {
      const value = args[index + 1];
      if (value === undefined || commits !== null || value === "-") return null;
      commits = value;
      index += 1;
    } else if (arg.startsWith("-") && arg !== "-") {
      return null;
    } else {
      positional += 1;
      path = arg === "-" ? null : arg;
    }
  }
  return positional > 1 ? null : { path, commits };
}

async function readJson(
  path: string | null,
  io: ParseIo,
): Promise<{ ok: true; json: unknown } | { ok: false }> {
  const source = path ?? "stdin";
  let text: string;
  try {
    text = path ? await io.readFile(path) : await io.readStdin();
  } catch (error) {
    io.err(`parse: cannot read ${source}: ${(error as Error).message}`);
    return { ok: false };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    io.err(`parse: ${source} is not valid JSON: ${(error as Error).message}`);
    return { ok: false };
  }
}

/**
 * A bare pull request, a saved webhook delivery (`pull_request` beside `action`), or
 * `{ "pull_request": …, "commits": [...] }` with the commit list beside it.
 */
function unwrap(json: unknown): { pullRequest: unknown; commits: unknown } {
  if (typeof json !== "object" || json === null || "title" in json || !("pull_request" in json)) {
    return { pullRequest: json, commits: undefined };
  }
  const wrapper = json as { pull_request: unknown; commits?: unknown };
  return { pullRequest: wrapper.pull_request, commits: wrapper.commits };
}

/** The CLI's JSON contract is the field order of RecognisedUpdate in types.ts. */
function ordered(update: RecognisedUpdate): RecognisedUpdate {
  return {
    bot: update.bot,
    ecosystem: update.ecosystem,
    directory: update.directory,
    packages: update.packages.map(({ name, from, to, range, replacedBy }) => ({
      name,
      from,
      to,
      ...(range ? { range } : {}),
      ...(replacedBy !== undefined ? { replacedBy } : {}),
    })),
    updateType: update.updateType,
    security: update.security,
    advisories: update.advisories,
    severity: update.severity,
    grouped: update.grouped,
  };
}
