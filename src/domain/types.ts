// The vocabulary shared by every pure module. Nothing here knows about GitHub's wire format.

export type Bot = "dependabot" | "renovate";

/** How far a version moves. `other` when it cannot be known (calendar versions, SHAs, odd tags). */
export type UpdateType = "major" | "minor" | "patch" | "digest" | "pin" | "lockfile" | "other";

/** GitHub advisory severities; GitHub's "medium" is normalised to "moderate". */
export type Severity = "critical" | "high" | "moderate" | "low";

/**
 * Canonical ecosystem ids (Dependabot's `package-ecosystem` names, de-aliased):
 * npm, pip, bundler, maven, gradle, gomod, cargo, composer, nuget, docker, github-actions,
 * terraform, gitsubmodule, hex, pub, swift, elm, helm, devcontainers, pre-commit, dotnet-sdk, rust-toolchain,
 * bazel, conda, vcpkg, opentofu, julia, nix, deno, sbt (newer Dependabot managers pass through with `-` for
 * `_`), homebrew (Renovate only), … or null when unknown.
 */
export type Ecosystem = string;

/**
 * One package's move. Versions are bare of requirement operators (`1.2.3`, never `^1.2.3`) and of Renovate's display
 * `v` in titles; a tag the bot prints as it is (`v3`, Go's `v1.2.3`) keeps its `v`. A replacement ("Replace A with
 * B") is two entries: the leaving package, which names what replaces it and has no `to`, and the arriving one,
 * which has no `from`.
 */
export interface PackageChange {
  name: string;
  from: string | null;
  to: string | null;
  /** A version requirement (`^1.2`, `~> 3.1`, `>= 2`) was rewritten, not a pinned version; from/to are its versions. */
  range?: true;
  /** On the leaving package of a replacement: the package that takes its place. */
  replacedBy?: string;
}

/** What `recognise` concludes about a pull request. Field order is the CLI's JSON contract. */
export interface RecognisedUpdate {
  bot: Bot;
  ecosystem: Ecosystem | null;
  directory: string | null;
  packages: PackageChange[];
  updateType: UpdateType;
  security: boolean;
  advisories: string[];
  severity: Severity | null;
  grouped: boolean;
}

export interface Author {
  login: string;
  id: number;
  type: string; // "Bot" | "User" | "Organization"
}

export interface CommitInfo {
  message: string;
  /** The GitHub accounts GitHub linked to the commit's author and committer; null when it linked none. */
  authorLogin: string | null;
  verified: boolean;
  /** Absent in commit facts cached before they were kept: such a list is read again before merging. */
  authorId?: number | null;
  committerLogin?: string | null;
  committerId?: number | null;
}

/** The few facts of a pull request that recognition reads; built from GitHub's REST shape at the edge. */
export interface PullRequestFacts {
  title: string;
  body: string;
  headRef: string;
  author: Author;
  labels: string[];
  /** Present only once fetched: recognition asks for them via `needsCommits` when title and body leave it open. */
  commits?: CommitInfo[];
}

/** Logins (and ids) that count as each bot; self-hosted Renovate and GHES add their own. */
export interface BotIdentities {
  dependabot: Array<{ login: string; id?: number }>;
  renovate: Array<{ login: string; id?: number }>;
}

export type Recognition =
  | { kind: "update"; update: RecognisedUpdate; needsCommits: boolean }
  | { kind: "impostor"; bot: Bot; reason: string }
  | { kind: "not-a-bot-pr" };
