// `merge-discipline parse [file]`: recognise one pull request (GitHub REST JSON, from a file or stdin) and
// print the recognised update as JSON, or null when it is no bot's update.
import { DEFAULT_BOT_IDENTITIES } from "../domain/bot-identity.js";
import { factsFromRestPullRequest, MalformedPullRequestError } from "../domain/pull-request-facts.js";
import { recognise } from "../domain/recognise.js";
import type { BotIdentities, RecognisedUpdate } from "../domain/types.js";

export const PARSE_USAGE = "usage: merge-discipline parse [file]   (reads stdin when no file or - is given)";

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
  if (args.length > 1 || args.some((arg) => arg.startsWith("-") && arg !== "-")) {
    io.err(PARSE_USAGE);
    return 2;
  }
  const path = args[0] && args[0] !== "-" ? args[0] : null;
  const source = path ?? "stdin";

  let text: string;
  try {
    text = path ? await io.readFile(path) : await io.readStdin();
  } catch (error) {
    io.err(`parse: cannot read ${source}: ${(error as Error).message}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.err(`parse: ${source} is not valid JSON: ${(error as Error).message}`);
    return 2;
  }
  let facts;
  try {
    facts = factsFromRestPullRequest(unwrapWebhook(json));
  } catch (error) {
    if (!(error instanceof MalformedPullRequestError)) throw error;
    io.err(`parse: ${source}: ${error.message}`);
    return 2;
  }

  const recognition = recognise(facts, identities);
  if (recognition.kind === "impostor") io.err(`suspected impostor: ${recognition.reason}`);
  io.out(recognition.kind === "update" ? JSON.stringify(ordered(recognition.update)) : "null");
  return 0;
}

/** A saved webhook delivery carries the pull request under `pull_request`; accept it as it is. */
function unwrapWebhook(json: unknown): unknown {
  if (typeof json !== "object" || json === null || "title" in json) return json;
  return "pull_request" in json ? (json as { pull_request: unknown }).pull_request : json;
}

/** The CLI's JSON contract is the field order of RecognisedUpdate in types.ts. */
function ordered(update: RecognisedUpdate): RecognisedUpdate {
  return {
    bot: update.bot,
    ecosystem: update.ecosystem,
    directory: update.directory,
    packages: update.packages.map(({ name, from, to }) => ({ name, from, to })),
    updateType: update.updateType,
    security: update.security,
    advisories: update.advisories,
    severity: update.severity,
    grouped: update.grouped,
  };
}
