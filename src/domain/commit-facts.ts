// GitHub's REST commit list (`GET /repos/{o}/{r}/pulls/{n}/commits`) → the commit facts recognition and the
// auto-merge rule read. The same mapping serves the app's Octokit reads and the `parse --commits` CLI.
import { MalformedPullRequestError } from "./pull-request-facts.js";
import type { CommitInfo } from "./types.js";

type Json = Record<string, unknown>;

/** One entry of the list: `author`/`committer` are the linked GitHub accounts (null when GitHub linked none). */
export function commitFromRest(entry: unknown, field = "commit"): CommitInfo {
  const item = object(entry, field);
  const commit = object(item.commit, `${field}.commit`);
  const message = commit.message;
  if (typeof message !== "string") fail(`${field}.commit.message`, "a string");
  const author = account(item.author);
  const committer = account(item.committer);
  const verification = commit.verification;
  const verified = isObject(verification) && verification.verified === true;
  return {
    message,
    authorLogin: author.login,
    authorId: author.id,
    committerLogin: committer.login,
    committerId: committer.id,
    verified,
  };
}

export function commitsFromRest(list: unknown): CommitInfo[] {
  if (!Array.isArray(list)) fail("commits", "an array");
  return list.map((entry: unknown, index) => commitFromRest(entry, `commits[${index}]`));
}

function account(value: unknown): { login: string | null; id: number | null } {
  if (!isObject(value)) return { login: null, id: null };
  return {
    login: typeof value.login === "string" ? value.login : null,
    id: typeof value.id === "number" && Number.isInteger(value.id) ? value.id : null,
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function object(value: unknown, field: string): Json {
  return isObject(value) ? value : fail(field, "an object");
}

function fail(field: string, expected: string): never {
  throw new MalformedPullRequestError(`commits JSON: "${field}" must be ${expected}`);
}
