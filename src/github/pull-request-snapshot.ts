// The edge where GitHub's 20 KB pull_request payload becomes a small snapshot; nothing past here sees it.
import { factsFromRestPullRequest, MalformedPullRequestError } from "../domain/pull-request-facts.js";
import type { PullRequestSnapshot } from "../domain/pull-request-snapshot.js";

interface RepositoryLike {
  id: number;
  full_name: string;
}

export function snapshotFromPullRequest(
  installationId: number,
  repository: RepositoryLike,
  pullRequest: unknown,
): PullRequestSnapshot {
  const facts = factsFromRestPullRequest(pullRequest);
  const pr = pullRequest as Record<string, unknown>;
  const head = pr.head as Record<string, unknown>;
  const number = pr.number;
  if (typeof number !== "number" || !Number.isInteger(number)) fail("number", "a whole number");
  if (typeof head.sha !== "string") fail("head.sha", "a string");
  const mergedAt = time(pr.merged_at, "merged_at", true);
  const base = pr.base as Record<string, unknown> | null | undefined;
  const baseRef = typeof base === "object" && base !== null && typeof base.ref === "string" ? base.ref : undefined;
  return {
    ref: { installationId, repoId: repository.id, number },
    repo: repository.full_name,
    facts,
    headSha: head.sha,
    merged: pr.merged === true || mergedAt !== null,
    createdAt: time(pr.created_at, "created_at", false) as number,
    updatedAt: time(pr.updated_at, "updated_at", false) as number,
    mergedAt,
    closedAt: time(pr.closed_at, "closed_at", true),
    nodeId: typeof pr.node_id === "string" ? pr.node_id : "",
    draft: pr.draft === true,
    // "dirty" is GitHub's word for a merge conflict; mergeable alone may still be unknown (null).
    mergeable: pr.mergeable_state === "dirty" ? false : typeof pr.mergeable === "boolean" ? pr.mergeable : null,
    ...(baseRef === undefined ? {} : { baseRef }),
    people: {
      requestedReviewers: logins(pr.requested_reviewers),
      requestedTeams: logins(pr.requested_teams, "slug").map((slug) => `${repository.full_name.split("/")[0]}/${slug}`),
      assignees: logins(pr.assignees),
    },
  };
}

/** Optional lists: absent or odd entries are dropped rather than failing the whole event. */
function logins(value: unknown, key = "login"): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((entry) => (entry && typeof entry === "object" ? (entry as Record<string, unknown>)[key] : undefined))
    .filter((name): name is string => typeof name === "string" && name.length > 0);
}

function time(value: unknown, field: string, nullable: boolean): number | null {
  if ((value === null || value === undefined) && nullable) return null;
  const ms = typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) fail(field, nullable ? "an ISO 8601 time or null" : "an ISO 8601 time");
  return ms;
}

function fail(field: string, expected: string): never {
  throw new MalformedPullRequestError(`pull request JSON: "${field}" must be ${expected}`);
}
