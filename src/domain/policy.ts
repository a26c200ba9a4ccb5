// The resolved per-repo policy: what `.github/merge-discipline.yml` says once validated, with every
// default filled in and every duration in milliseconds. Built by src/config; read by the pure domain.
import type { Severity } from "./types.js";

/** An SLA class: security updates by severity, other updates by how far they move. */
export type SlaClass =
  | `security.${Severity | "unknown"}`
  | "major"
  | "minor"
  | "patch"
  | "other";

export const SLA_CLASSES: readonly SlaClass[] = [
  "security.critical",
  "security.high",
  "security.moderate",
  "security.low",
  "security.unknown",
  "major",
  "minor",
  "patch",
  "other",
];

/** Who a stage's comment mentions. Nobody else is ever mentioned. */
export type Mention = "none" | "owners" | "contacts" | "owners-and-contacts";

export interface EscalationStage {
  /** Stable id of the stage within its ladder, used in hidden markers and Redis: e.g. "50%" or "3d". */
  id: string;
  /** When the stage is due: a fraction of the class's SLA (0.5 = 50%) or a fixed time after the lineage began. */
  at: { fraction: number } | { afterMs: number };
  mention: Mention;
  /** Label added to the PR at this stage, or null. */
  label: string | null;
}

export interface Principals {
  users: string[];
  /** "org/team-slug" */
  teams: string[];
}

export interface WorkingHours {
  /** Minutes after local midnight, e.g. 9:00 → 540. start < end. */
  startMinute: number;
  endMinute: number;
}

export interface Policy {
  enabled: boolean;
  /** Target time-to-merge per class, in ms. */
  sla: Record<SlaClass, number>;
  /** Ladder per class, stages ordered by when they fall due. */
  stages: Record<SlaClass, EscalationStage[]>;
  owners: Principals & { codeowners: boolean };
  contacts: Principals;
  /** Count only Monday–Friday in `timezone` when measuring SLA time. */
  businessDays: boolean;
  /** IANA time zone, e.g. "Europe/Berlin". */
  timezone: string;
  /** Nudges outside these hours (local, working days when businessDays) wait for the next window; null = any time. */
  workingHours: WorkingHours | null;
  snooze: SnoozePolicy;
  gate: GatePolicy;
  autoMerge: AutoMergePolicy;
  digest: DigestPolicy;
  backfill: BackfillPolicy;
}

/** Which PRs found already overdue when the app first looks at a repo get an escalation comment at once. */
export type BackfillComments = "security" | "all" | "none";

export interface BackfillPolicy {
  comments: BackfillComments;
}

export type GateMode = "off" | "warn" | "block";
export type MergeMethod = "merge" | "squash" | "rebase";

export interface SnoozePolicy {
  /** Longest snooze a command or button may set, per class, in ms. */
  max: Record<SlaClass, number>;
  /** Who may snooze besides people with write access to the repo; empty: writers only. */
  allow: Principals;
}

export interface GatePolicy {
  /** While a security update at or above `minSeverity` is overdue, other open PRs get a check: neutral (warn) or failure (block). */
  mode: GateMode;
  minSeverity: Severity;
}

export interface AutoMergePolicy {
  /** Classes whose genuine bot PRs merge themselves once CI passes; empty: off. */
  classes: SlaClass[];
  method: MergeMethod;
}

export interface DigestPolicy {
  /** Publish this repo's weekly digest issue. */
  enabled: boolean;
  /** Cron, 5 fields; the organisation's .github config sets it for the whole installation. */
  schedule: string;
  /** IANA zone of the schedule and of the digest's week. */
  timezone: string;
  /** Open an issue even when nothing is stale. */
  openWhenClean: boolean;
  /** Mention the configured owners and contacts in the repo digest. */
  mentionOwners: boolean;
  /** Logins assigned to the repo digest issue. */
  assignees: string[];
  /** Repository (name only, in the same owner) receiving the organisation digest; "" = none. */
  orgRepo: string;
  /** How many of the oldest patches the organisation digest lists. */
  orgOldest: number;
}

/** One problem in a config file, shown to the user on GitHub as `path → message`. */
export interface ConfigProblem {
  path: string;
  message: string;
}
