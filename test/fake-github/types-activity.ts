// Records for check runs and Dependabot alerts.
import type { Timestamp, UserRecord } from "./types.js";

export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

export interface AppRef {
  id: number;
  slug: string;
  name: string;
}

export interface CheckRunRecord {
  id: number;
  node_id: string;
  name: string;
  head_sha: string;
  status: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  conclusion: string | null;
  started_at: Timestamp;
  completed_at: Timestamp | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
  actions: CheckRunAction[];
  details_url: string | null;
  external_id: string | null;
  app: AppRef;
  check_suite_id: number;
}

export type AlertState = "open" | "dismissed" | "fixed" | "auto_dismissed";
export type AlertSeverity = "low" | "medium" | "high" | "critical";

export interface AlertRecord {
  number: number;
  state: AlertState;
  ecosystem: string;
  package: string;
  manifest_path: string;
  scope: "runtime" | "development" | null;
  ghsa_id: string;
  cve_id: string | null;
  summary: string;
  severity: AlertSeverity;
  cvss_score: number | null;
  vulnerable_version_range: string;
  first_patched_version: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  fixed_at: Timestamp | null;
  dismissed_at: Timestamp | null;
  dismissed_reason: string | null;
  dismissed_comment: string | null;
}

export type CommitStatusState = "error" | "failure" | "pending" | "success";

/** One commit status (`POST /statuses/{sha}`); GitHub keeps every one, the combined view shows the newest per context. */
export interface StatusRecord {
  id: number;
  node_id: string;
  sha: string;
  state: CommitStatusState;
  context: string;
  description: string | null;
  target_url: string | null;
  creator: UserRecord;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Classic branch protection's "require status checks to pass". */
export interface RequiredChecksRecord {
  strict: boolean;
  contexts: string[];
  /** `app_id` null: any source may report the context. */
  checks: Array<{ context: string; app_id: number | null }>;
}

/** A repository ruleset, reduced to what "Get rules for a branch" needs. */
export interface RulesetRecord {
  id: number;
  name: string;
  enforcement: "active" | "evaluate" | "disabled";
  /** `ref_name` conditions: "~DEFAULT_BRANCH", "~ALL", "refs/heads/<name>" with `*` globs. */
  include: string[];
  exclude: string[];
  rules: Array<{ type: string; parameters?: Record<string, unknown> }>;
}
