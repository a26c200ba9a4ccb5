// Fixed data for the digest tests: one repo, a fixed Monday-morning clock, the escalation test policy.
import type { DependabotAlert } from "../../../src/domain/dependabot-alert.js";
import type { PrDigestFacts, StalePatch } from "../../../src/domain/digest/model.js";
import { DAY, record, update } from "../../helpers/records.js";
import type { PullRequestRecord } from "../../../src/domain/pull-request-record.js";
import type { Severity } from "../../../src/domain/types.js";

export const NOW = Date.parse("2026-11-23T09:00:00Z");
export const GHSA = "GHSA-29mw-wpgm-hmr9";

export function securityPr(number: number, severity: Severity, ageDays: number, name = `pkg-${number}`): PullRequestRecord {
  return record({
    number,
    createdAt: NOW - ageDays * DAY,
    update: update({
      packages: [{ name, from: "1.0.0", to: "1.0.1" }],
      security: true,
      severity,
      advisories: [GHSA],
    }),
  });
}

export function alert(overrides: Partial<DependabotAlert> & { number: number }): DependabotAlert {
  return {
    state: "open",
    ecosystem: "npm",
    packageName: "lodash",
    manifestPath: "package-lock.json",
    severity: "high",
    ghsaId: GHSA,
    cveId: "CVE-2026-12345",
    firstPatchedVersion: "4.17.21",
    createdAt: NOW - 30 * DAY,
    fixedAt: null,
    htmlUrl: null,
    ...overrides,
  };
}

export const facts = (entries: Array<[number, Partial<PrDigestFacts>]>): Map<number, PrDigestFacts> =>
  new Map(entries.map(([number, partial]) => [number, { snooze: null, ci: "unknown", postedStages: [], ...partial }]));

export function patch(overrides: Partial<StalePatch> & { number: number }): StalePatch {
  return {
    repo: "acme/web",
    title: "Bump lodash",
    packages: [{ name: "lodash", from: "4.17.20", to: "4.17.21" }],
    advisories: [GHSA],
    severity: "high",
    slaClass: "security.high",
    lineageStartedAt: NOW - 9 * DAY,
    ageMs: 9 * DAY,
    slaMs: 7 * DAY,
    dueAt: NOW - 2 * DAY,
    overdueMs: 2 * DAY,
    ci: "passing",
    stage: { id: "100%", position: 2, of: 3 },
    snooze: null,
    approvedAt: null,
    ...overrides,
  };
}
