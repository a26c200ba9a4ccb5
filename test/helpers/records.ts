import { lineageKey } from "../../src/domain/lineage.js";
import type { PullRequestRecord } from "../../src/domain/pull-request-record.js";
import type { RecognisedUpdate } from "../../src/domain/types.js";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const T0 = Date.parse("2026-11-01T00:00:00Z");

export function update(overrides: Partial<RecognisedUpdate> = {}): RecognisedUpdate {
  return {
    bot: "dependabot",
    ecosystem: "npm",
    directory: "/",
    packages: [{ name: "lodash", from: "4.17.20", to: "4.17.21" }],
    updateType: "patch",
    security: false,
    advisories: [],
    severity: null,
    grouped: false,
    ...overrides,
  };
}

/** A record with sensible defaults; the lineage key follows the update unless given. */
export function record(overrides: Partial<PullRequestRecord> & { number: number }): PullRequestRecord {
  const u = overrides.update ?? update();
  const title = overrides.title ?? `Bump ${u.packages[0]?.name ?? "x"}`;
  const headRef = overrides.headRef ?? `dependabot/npm_and_yarn/${u.packages[0]?.name ?? "x"}`;
  const createdAt = overrides.createdAt ?? T0;
  return {
    installationId: 1,
    repoId: 100,
    repo: "acme/web",
    update: u,
    author: "dependabot[bot]",
    title,
    headRef,
    headSha: `sha-${overrides.number}`,
    state: "open",
    createdAt,
    updatedAt: createdAt,
    mergedAt: null,
    closedAt: null,
    lineageKey: lineageKey(u, title, headRef),
    enriched: false,
    people: { requestedReviewers: [], requestedTeams: [], assignees: [] },
    nodeId: `PR_${overrides.number}`,
    draft: false,
    mergeable: true,
    ...overrides,
  };
}

export function merged(base: PullRequestRecord, at: number): PullRequestRecord {
  return { ...base, state: "merged", mergedAt: at, closedAt: at, updatedAt: at };
}

export function closed(base: PullRequestRecord, at: number): PullRequestRecord {
  return { ...base, state: "closed", closedAt: at, updatedAt: at };
}
