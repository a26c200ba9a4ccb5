// The fake's internal model. Field names follow GitHub's so that a test mutating a live record
// (`pr.mergeable_state = "clean"`) reads like the API it stands in for.

import type { AlertRecord, CheckRunRecord, RequiredChecksRecord, RulesetRecord, StatusRecord } from "./types-activity.js";

export type AccessLevel = "read" | "write" | "admin";
export type RepoPermission = "admin" | "maintain" | "write" | "triage" | "read" | "none";
export type Timestamp = string;

export interface UserRecord {
  login: string;
  id: number;
  type: "User" | "Bot" | "Organization";
  node_id: string;
}

/** A login, or a user with a chosen id/type (e.g. a human pushing to a bot branch). */
export type UserInit = string | { login: string; id?: number; type?: UserRecord["type"] };

export interface InstallationRecord {
  id: number;
  account: UserRecord;
  permissions: Record<string, AccessLevel>;
  events: string[];
  created_at: Timestamp;
  suspended_at: Timestamp | null;
}

export interface RepoRecord {
  id: number;
  node_id: string;
  owner: UserRecord;
  name: string;
  full_name: string;
  installationId: number | null;
  default_branch: string;
  private: boolean;
  archived: boolean;
  allow_auto_merge: boolean;
  allow_squash_merge: boolean;
  allow_merge_commit: boolean;
  allow_rebase_merge: boolean;
  created_at: Timestamp;
  /** branch name → head sha; PR head branches are registered here too. */
  branches: Map<string, string>;
  issues: Map<number, IssueRecord | PullRecord>;
  nextNumber: number;
  /** keyed by lower-cased name: GitHub label names are case-insensitive. */
  labels: Map<string, LabelRecord>;
  comments: Map<number, CommentRecord>;
  checkRuns: Map<number, CheckRunRecord>;
  /** Commit statuses, oldest first. */
  statuses: StatusRecord[];
  /** Protected branch name → its required status checks (null: protected, but no checks required). */
  protection: Map<string, RequiredChecksRecord | null>;
  rulesets: RulesetRecord[];
  /** ref (branch or sha) → path → content */
  files: Map<string, Map<string, string>>;
  /** Commits made by setFile on the default branch, oldest first: what `GET /commits?path=` lists. */
  fileCommits: Array<{ sha: string; path: string; date: Timestamp }>;
  /** lower-cased login → permission */
  collaborators: Map<string, { user: UserRecord; permission: RepoPermission }>;
  alerts: Map<number, AlertRecord>;
}

export interface LabelRecord {
  id: number;
  node_id: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

interface IssueBase {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  user: UserRecord;
  /** label names, as stored on the repo */
  labels: string[];
  assignees: UserRecord[];
  state: "open" | "closed";
  state_reason: "completed" | "not_planned" | "reopened" | null;
  locked: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: UserRecord | null;
}

export interface IssueRecord extends IssueBase {
  kind: "issue";
}

export type MergeableState =
  | "clean" | "unstable" | "has_hooks" | "blocked" | "behind" | "dirty" | "draft" | "unknown";

export interface PullRecord extends IssueBase {
  kind: "pull";
  pull_id: number;
  pull_node_id: string;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  draft: boolean;
  merged: boolean;
  merged_at: Timestamp | null;
  merged_by: UserRecord | null;
  merge_commit_sha: string | null;
  mergeable: boolean | null;
  mergeable_state: MergeableState;
  requested_reviewers: UserRecord[];
  auto_merge: AutoMergeRecord | null;
  commits: CommitRecord[];
  files: PullFileRecord[];
  reviews: ReviewRecord[];
}

export interface AutoMergeRecord {
  enabled_by: UserRecord;
  merge_method: "merge" | "squash" | "rebase";
  commit_title: string | null;
  commit_message: string | null;
  enabled_at: Timestamp;
}

export interface CommitRecord {
  sha: string;
  message: string;
  /** the GitHub account linked to the commit; null when the email matches no account */
  author: UserRecord | null;
  committer: UserRecord | null;
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  date: Timestamp;
  verified: boolean;
  verificationReason: string;
}

export interface PullFileRecord {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  additions: number;
  deletions: number;
  patch?: string;
}

export interface ReviewRecord {
  id: number;
  user: UserRecord;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  body: string;
  submitted_at: Timestamp;
  commit_id: string;
}

export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export interface ReactionRecord {
  id: number;
  content: ReactionContent;
  user: UserRecord;
  created_at: Timestamp;
}

export interface CommentRecord {
  id: number;
  node_id: string;
  issueNumber: number;
  body: string;
  user: UserRecord;
  created_at: Timestamp;
  updated_at: Timestamp;
  reactions: ReactionRecord[];
  viaApp: boolean;
}

export type * from "./types-activity.js";
