import { createHash } from "node:crypto";
import type {
  AccessLevel, AppRef, InstallationRecord, IssueRecord, PullRecord, RepoRecord, Timestamp, UserInit, UserRecord,
} from "./types.js";

export interface FakeConfig {
  appId: number;
  appSlug: string;
  appName: string;
  botUserId: number;
  /** null: accept any JWT issuer; a number: the JWT `iss` must equal it, as GitHub requires. */
  expectedIssuer: number | null;
  /** http://127.0.0.1:PORT/api/v3, known once the server listens */
  apiUrl: string;
  /** where html_url links point; GHES serves them on the API host */
  webUrl: string;
}

export interface TeamRecord {
  id: number;
  org: string;
  slug: string;
  members: { user: UserRecord; role: "member" | "maintainer" }[];
}

// Accounts whose ids the app may hard-code; everyone else gets a stable id from a counter.
const KNOWN_USERS: Record<string, number> = {
  "dependabot[bot]": 49699333,
  "renovate[bot]": 29139614,
  "github-actions[bot]": 41898282,
  // GitHub's committer for commits made through the web UI or the API (bot commits included).
  "web-flow": 19864447,
};

// Separate id ranges per kind, so a test that confuses a PR number with a comment id fails loudly.
const ID_BASE = {
  user: 9_000_000, repo: 700_000, issue: 1_000_000, pull: 2_000_000, comment: 3_000_000,
  label: 4_000_000, checkRun: 5_000_000, status: 5_500_000, ruleset: 5_800_000, reaction: 6_000_000, review: 7_000_000, checkSuite: 8_000_000,
  team: 600_000, hookDelivery: 20_000_000,
} as const;
export type IdKind = keyof typeof ID_BASE;

/** GitHub's timestamps carry whole seconds. */
export function toTimestamp(date: Date): Timestamp {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString("base64url")}`;
}

export class FakeState {
  readonly installations = new Map<number, InstallationRecord>();
  readonly repos = new Map<string, RepoRecord>();
  readonly tokens = new Map<string, { installationId: number; expiresAt: string; permissions: Record<string, AccessLevel> }>();
  readonly teams = new Map<string, TeamRecord>();
  private readonly users = new Map<string, UserRecord>();
  private readonly counters = new Map<IdKind, number>();
  private shaCounter = 0;
  private clock: Date;

  constructor(readonly config: FakeConfig, now: Date) {
    this.clock = new Date(now);
  }

  now(): Date {
    return new Date(this.clock);
  }

  iso(): Timestamp {
    return toTimestamp(this.clock);
  }

  setNow(date: Date | string): void {
    this.clock = new Date(date);
  }

  advance(ms: number): void {
    this.clock = new Date(this.clock.getTime() + ms);
  }

  nextId(kind: IdKind): number {
    const next = (this.counters.get(kind) ?? ID_BASE[kind]) + 1;
    this.counters.set(kind, next);
    return next;
  }

  /** A fresh, deterministic, well-formed commit sha. */
  sha(): string {
    this.shaCounter += 1;
    return createHash("sha1").update(`fake-sha-${this.shaCounter}`).digest("hex");
  }

  user(init: UserInit): UserRecord {
    const spec = typeof init === "string" ? { login: init } : init;
    const key = spec.login.toLowerCase();
    const existing = this.users.get(key);
    if (existing) {
      if (typeof init !== "string") {
        if (init.id !== undefined) existing.id = init.id;
        if (init.type !== undefined) existing.type = init.type;
      }
      return existing;
    }
    const id = spec.id ?? KNOWN_USERS[key] ?? this.nextId("user");
    const type = spec.type ?? (spec.login.endsWith("[bot]") ? "Bot" : "User");
    const user: UserRecord = { login: spec.login, id, type, node_id: nodeId(type === "Bot" ? "BOT" : "U", id) };
    this.users.set(key, user);
    return user;
  }

  /** The account that writes made with an installation token are attributed to. */
  botUser(): UserRecord {
    return this.user({ login: `${this.config.appSlug}[bot]`, id: this.config.botUserId, type: "Bot" });
  }

  app(): AppRef {
    return { id: this.config.appId, slug: this.config.appSlug, name: this.config.appName };
  }

  repo(fullName: string): RepoRecord | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  /** For seeding helpers: a typo in a test should fail at the line that made it. */
  requireRepo(fullName: string): RepoRecord {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`fake-github: no repo ${fullName}; seed it with addRepo first`);
    return repo;
  }

  requireIssue(fullName: string, number: number): IssueRecord | PullRecord {
    const issue = this.requireRepo(fullName).issues.get(number);
    if (!issue) throw new Error(`fake-github: no issue or pull request #${number} in ${fullName}`);
    return issue;
  }

  requirePull(fullName: string, number: number): PullRecord {
    const issue = this.requireIssue(fullName, number);
    if (issue.kind !== "pull") throw new Error(`fake-github: #${number} in ${fullName} is an issue, not a PR`);
    return issue;
  }

  findPullByNodeId(id: string): { repo: RepoRecord; pull: PullRecord } | undefined {
    for (const repo of this.repos.values()) {
      for (const issue of repo.issues.values()) {
        if (issue.kind === "pull" && issue.pull_node_id === id) return { repo, pull: issue };
      }
    }
    return undefined;
  }

  team(org: string, slug: string): TeamRecord | undefined {
    return this.teams.get(`${org}/${slug}`.toLowerCase());
  }

  /** Touch an issue the way GitHub does when something happens on it. */
  touch(issue: IssueRecord | PullRecord): void {
    issue.updated_at = this.iso();
  }
}
