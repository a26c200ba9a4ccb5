// What a weekly digest says, before any markdown: built by build-repo-digest / build-org-digest, read by the renderers.
import type { DurationSummary } from "../percentiles.js";
import type { SlaClass } from "../policy.js";
import type { PackageChange, Severity } from "../types.js";

import type { CiState } from "../ci-state.js";
import type { StaleFix } from "./stale-fixes.js";
export type { CiState };
export type SeverityKey = Severity | "unknown";

/** Most urgent first; the order of the digest's sections. */
export const SEVERITY_ORDER: readonly SeverityKey[] = ["critical", "high", "moderate", "low", "unknown"];

/** The snooze facts the digest shows; the store's Snooze has this shape (and more). */
export interface SnoozeFacts {
  until: number;
  by: string;
  reason: string;
}

export interface PrDigestFacts {
  snooze: SnoozeFacts | null;
  ci: CiState;
  postedStages: string[];
  /** When a current approval of the head commit was first given; null when not approved (or only an earlier commit was). */
  approvedAt?: number | null;
}

export interface StalePatch {
  repo: string;
  number: number;
  title: string;
  packages: PackageChange[];
  advisories: string[];
  severity: SeverityKey;
  slaClass: SlaClass;
  lineageStartedAt: number;
  ageMs: number;
  slaMs: number;
  /** When the SLA is (or was) breached. */
  dueAt: number;
  /** now − dueAt: negative while the SLA still runs (past the first reminder, not yet overdue). */
  overdueMs: number;
  ci: CiState;
  /** The highest stage of the ladder that is due, 1-based; null when the class has no ladder. */
  stage: { id: string; position: number; of: number } | null;
  /** Only a snooze still running at `now`. */
  snooze: SnoozeFacts | null;
  /** Approved on its head commit and still open: waiting for someone to press merge. */
  approvedAt: number | null;
}

export interface AlertWithoutPr {
  repo: string;
  number: number;
  packageName: string;
  ecosystem: string;
  manifestPath: string;
  severity: SeverityKey;
  advisories: string[];
  createdAt: number;
  ageMs: number;
  slaMs: number;
  overdueMs: number;
}

/** One merged security update, kept so that an organisation digest can pool medians across repos. */
export interface MergeSample {
  mergedAt: number;
  durationMs: number;
  withinSla: boolean;
}

export interface SloAttainment {
  merged: number;
  withinSla: number;
  /** withinSla / merged; null when nothing merged. */
  share: number | null;
}

export interface WindowStats {
  from: number;
  to: number;
  summary: DurationSummary;
  slo: SloAttainment;
}

export interface WeeklyPoint {
  week: string;
  count: number;
  medianMs: number | null;
}

export interface RepoDigest {
  repo: string;
  now: number;
  timezone: string;
  /** Most urgent first: severity, then how far overdue. */
  stale: StalePatch[];
  alertsWithoutPr: AlertWithoutPr[];
  ttm: { current: WindowStats; previous: WindowStats };
  /** The 12 whole weeks before `now`'s week, oldest first; security updates only. */
  trend: WeeklyPoint[];
  /** Merged security updates of both windows. */
  merges: MergeSample[];
}

export interface OrgRow {
  repo: string;
  /** Stale PRs and open alerts without one, by severity. */
  staleBySeverity: Record<SeverityKey, number>;
  staleTotal: number;
  alertsWithoutPr: number;
  oldestAgeMs: number | null;
  slo: SloAttainment;
  medianMs: number | null;
}

export interface OrgDigest {
  org: string;
  now: number;
  /** Repos with the most urgent stale patches first. */
  rows: OrgRow[];
  /** The N oldest stale fixes (PRs and alerts without one) across the organisation, oldest first. */
  oldest: StaleFix[];
  /** How many stale patches (PRs) there are in all. */
  staleTotal: number;
  /** How many open alerts past their SLA have no PR, in all. */
  alertsTotal: number;
  trend: WeeklyPoint[];
  current: WindowStats;
}
