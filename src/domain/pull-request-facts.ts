// GitHub's REST pull-request object (also the webhook's `pull_request`) → the few facts recognition reads.
import type { PullRequestFacts } from "./types.js";

/** The payload is not the shape GitHub documents; the message names the first wrong field. */
export class MalformedPullRequestError extends Error {
  override name = "MalformedPullRequestError";
}

type Json = Record<string, unknown>;

export function factsFromRestPullRequest(json: unknown): PullRequestFacts {
  const pr = object(json, null);
  const head = object(pr.head, "head");
  const user = object(pr.user, "user");
  const body = pr.body;
  if (body !== null && typeof body !== "string") fail("body", "a string or null");
  return {
    title: string(pr.title, "title"),
    body: body ?? "",
    headRef: string(head.ref, "head.ref"),
    author: {
      login: string(user.login, "user.login"),
      id: wholeNumber(user.id, "user.id"),
      type: string(user.type, "user.type"),
    },
    labels: labels(pr.labels),
  };
}

function labels(value: unknown): string[] {
  if (!Array.isArray(value)) fail("labels", "an array");
  return value.map((label: unknown, index) => string(object(label, `labels[${index}]`).name, `labels[${index}].name`));
}

function object(value: unknown, field: string | null): Json {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Json;
  if (field === null) throw new MalformedPullRequestError("pull request JSON: must be an object");
  return fail(field, "an object");
}

function string(value: unknown, field: string): string {
  return typeof value === "string" ? value : fail(field, "a string");
}

function wholeNumber(value: unknown, field: string): number {
  return typeof value === "number" && Number.isInteger(value) ? value : fail(field, "a whole number");
}

function fail(field: string, expected: string): never {
  throw new MalformedPullRequestError(`pull request JSON: "${field}" must be ${expected}`);
}
