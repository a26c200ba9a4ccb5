// How far a version moves, from the two version strings the bots print.
import semver from "semver";
import type { UpdateType } from "../types.js";

/** Larger moves first: a group PR is as risky as its riskiest member. */
const RANK: Record<UpdateType, number> = { major: 6, minor: 5, patch: 4, digest: 3, pin: 2, lockfile: 1, other: 0 };

/**
 * The largest move among several packages. `other` (unknown) only wins when nothing is known: one unreadable
 * version in a group must not hide a known major.
 */
export function largestMove(types: readonly UpdateType[]): UpdateType {
  let best: UpdateType = "other";
  for (const type of types) if (RANK[type] > RANK[best]) best = type;
  return best;
}

// Dependabot prints 7-character SHAs, and 6 when the Gemfile pins a 6-character ref.
const GIT_SHA = /^(?:sha256:)?[0-9a-f]{6,64}$/i;

/** A git or image digest. All-digit strings are build numbers or dates, not digests. */
export function isDigest(version: string): boolean {
  const bare = version.replace(/`/g, "").trim();
  return GIT_SHA.test(bare) && /[a-f]/i.test(bare.replace(/^sha256:/i, ""));
}

/** Short SHAs can be all digits ("`1830542`"); next to a real digest they are one too. */
function isDigestPair(a: string, b: string): boolean {
  const hex = /^(?:sha256:)?[0-9a-f]{6,64}$/i;
  return hex.test(a) && hex.test(b) && (isDigest(a) || isDigest(b));
}

/**
 * Calendar versions (2024.01.15, 2024.7.4, 20240115): a leading 4-digit year between 1990 and 2100, or an
 * 8-digit date. Versions such as workerd's 1.20260107.1 keep a semver major and are classified normally.
 */
export function isCalendarVersion(version: string): boolean {
  const first = /^\D*?(\d+)/.exec(version)?.[1];
  if (first === undefined) return false;
  const value = Number(first);
  if (first.length === 4) return value >= 1990 && value <= 2100;
  return first.length === 8 && value >= 19_900_101 && value <= 21_001_231;
}

/**
 * Dependabot classifies calendar versions by their components, as it does every version: a new year is
 * `semver-major` in its metadata, a new month `semver-minor`, anything later `semver-patch`. An 8-digit date
 * is read as year, month and day.
 */
function calendarMove(a: string, b: string): UpdateType {
  const left = calendarParts(a);
  const right = calendarParts(b);
  if (left[0] !== right[0]) return "major";
  if ((left[1] ?? 0) !== (right[1] ?? 0)) return "minor";
  const length = Math.max(left.length, right.length);
  for (let index = 2; index < length; index += 1) if ((left[index] ?? 0) !== (right[index] ?? 0)) return "patch";
  return "other";
}

function calendarParts(version: string): number[] {
  const parts = (/\d+(?:\.\d+)*/.exec(version)?.[0] ?? "").split(".").filter(Boolean);
  const first = parts[0] ?? "";
  const split = first.length === 8 ? [first.slice(0, 4), first.slice(4, 6), first.slice(6, 8), ...parts.slice(1)] : parts;
  return split.map(Number);
}

/**
 * A version starts with a digit, after an optional `v` or requirement operator. Branch names, commit-ish ids
 * and long digit runs without a dot (build numbers, all-digit short SHAs) are not versions: coercing
 * `1830542` would read as major version 1830542.
 */
function looksLikeVersion(version: string): boolean {
  const bare = version.replace(/^(?:[~^<>=!]+\s*)?v?/i, "");
  if (!/^\d/.test(bare)) return false;
  return !/^\d{6,}(?:$|[^\d.])/.test(bare);
}

/**
 * Classifies a move between two printed versions. Loose forms are coerced: `v1.2`, `^1.2.3`, `~> 1.2`, `==1.2`,
 * `1.2.3.RELEASE`, Docker tags such as `20-alpine` (the tag's number is the version). Four-part versions
 * (NuGet, Maven) move by `patch` when only the fourth part changes.
 */
export function classifyVersions(from: string | null, to: string | null): UpdateType {
  if (from === null || to === null) return "other";
  const a = from.replace(/`/g, "").trim();
  const b = to.replace(/`/g, "").trim();
  if (isDigestPair(a, b)) return "digest";
  // From a git ref to a version (or back) is a change of kind, not a semver move.
  if (isDigest(a) || isDigest(b)) return "other";
  if (isCalendarVersion(a) && isCalendarVersion(b)) return calendarMove(a, b);
  if (!looksLikeVersion(a) || !looksLikeVersion(b)) return "other";
  // From a calendar version to a semver one (or back) is a change of scheme: only its author knows the risk.
  if (isCalendarVersion(a) || isCalendarVersion(b)) return "other";
  const left = coerce(a);
  const right = coerce(b);
  if (left === null || right === null) return "other";
  const diff = semver.diff(left, right);
  if (diff === "major" || diff === "premajor") return "major";
  if (diff === "minor" || diff === "preminor") return "minor";
  if (diff === "patch" || diff === "prepatch" || diff === "prerelease") return "patch";
  // 7.1.3 → 7.1.3.2: only a fourth part moved (or appeared), which Dependabot calls semver-patch.
  return numericTail(a) !== numericTail(b) ? "patch" : "other";
}

function coerce(version: string): semver.SemVer | null {
  // Leading zeros (Ubuntu's 22.04) are not semver; drop them so 22.04 reads as 22.4.
  const cleaned = version.replace(/(^|[^\d])0+(\d)/g, "$1$2");
  const prerelease = /^\D*\d+\.\d+\.\d+-[0-9A-Za-z.-]+$/.test(cleaned);
  return semver.coerce(cleaned, { includePrerelease: prerelease });
}

/** The part after major.minor.patch in 1.2.3.4, which semver ignores. */
function numericTail(version: string): string | null {
  return /^\D*\d+\.\d+\.\d+\.(\d+)/.exec(version)?.[1] ?? null;
}

/** Dependabot's commit metadata: `version-update:semver-major|minor|patch`. */
export function fromDependabotUpdateType(value: string | null | undefined): UpdateType | null {
  const match = /semver-(major|minor|patch)/i.exec(value ?? "");
  return match?.[1] ? (match[1].toLowerCase() as UpdateType) : null;
}

/** Renovate's "Update" table column (its internal updateType names). */
export function fromRenovateUpdateColumn(value: string): UpdateType | null {
  switch (value.trim().toLowerCase()) {
    case "major":
    case "minor":
    case "patch":
    case "digest":
    case "pin":
      return value.trim().toLowerCase() as UpdateType;
    case "pindigest":
      return "pin";
    case "lockfilemaintenance":
    case "lockfileupdate":
      return "lockfile";
    case "replacement":
    case "rollback":
      return "other";
    default:
      return null;
  }
}
