// Everything Dependabot says about one PR — title, body, branch, commit metadata — as one RecognisedUpdate.
import type { BotIdentities, CommitInfo, PackageChange, PullRequestFacts, RecognisedUpdate, UpdateType } from "../types.js";
import { parseDependabotBody } from "./dependabot-body.js";
import { directoryFromBranch, parseDependabotBranch } from "./dependabot-branch.js";
import { parseCommitMetadata, type UpdatedDependency } from "./dependabot-commit-metadata.js";
import { parseDependabotTitle, type DependabotTitle } from "./dependabot-title.js";
import { ecosystemFromDependabotSegment } from "./ecosystem.js";
import { mergePackages } from "./package-list.js";
import { securityMarkers } from "./security-markers.js";
import { stripTitle } from "./title-prefix.js";
import { classifyVersions, largestMove } from "./update-type.js";

export interface DependabotRecognition {
  update: RecognisedUpdate;
  needsCommits: boolean;
}

export function dependabotUpdate(facts: PullRequestFacts, identities: BotIdentities): DependabotRecognition {
  const stripped = stripTitle(facts.title);
  const title = parseDependabotTitle(stripped.text);
  const body = parseDependabotBody(facts.body);
  const branch = parseDependabotBranch(facts.headRef);
  const trusted = trustedCommits(facts.commits, identities);
  const metadata = trusted.flatMap((commit) => parseCommitMetadata(commit.message));

  let packages = combine(title?.packages ?? [], body.packages);
  if (trusted.length > 0) packages = fillFromCommits(packages, trusted, metadata);
  const updateType = moveOf(packages, metadata);
  const group = title?.group ?? metadata.find((entry) => entry.group)?.group ?? null;
  const marks = securityMarkers({ titleMarker: stripped.securityMarker, labels: facts.labels, body: facts.body });

  const update: RecognisedUpdate = {
    bot: "dependabot",
    ecosystem: branch ? ecosystemFromDependabotSegment(branch.segment) : null,
    directory: directoryOf(facts.headRef, title, body.directories, packages, group),
    packages,
    updateType,
    security: marks.security,
    advisories: marks.advisories,
    severity: marks.severity,
    // "across N directories" only exists for grouped updates (including group-by dependency-name).
    grouped: group !== null || (title?.directoryCount ?? null) !== null,
  };
  const open = packages.length === 0 || packages.some((change) => change.to === null) || updateType === "other";
  return { update, needsCommits: open && facts.commits === undefined };
}

/** Versioned lines in the body win over the title's copy of the same package; bare names fill in. */
function combine(fromTitle: PackageChange[], fromBody: PackageChange[]): PackageChange[] {
  const bodyVersioned = fromBody.filter((change) => change.to !== null || change.from !== null);
  const bodyNames = new Set(bodyVersioned.map((change) => change.name));
  const titleVersioned = fromTitle.filter((change) => change.to !== null && !bodyNames.has(change.name));
  const names = [...fromTitle, ...fromBody].filter((change) => change.to === null && change.from === null);
  return mergePackages([...titleVersioned, ...bodyVersioned], names.map((change) => change.name));
}

/**
 * Only Dependabot's own verified commits are read: anyone who can push to the branch can write a commit
 * message, and the metadata decides how risky the update looks.
 */
function trustedCommits(commits: CommitInfo[] | undefined, identities: BotIdentities): CommitInfo[] {
  const logins = new Set(identities.dependabot.map((identity) => identity.login.toLowerCase()));
  return (commits ?? []).filter((commit) => commit.verified && logins.has((commit.authorLogin ?? "").toLowerCase()));
}

function fillFromCommits(packages: PackageChange[], commits: CommitInfo[], metadata: UpdatedDependency[]): PackageChange[] {
  const fromMessages = commits.flatMap((commit) => parseDependabotBody(commit.message).packages);
  const known = combine(packages, fromMessages);
  const names = new Set(known.map((change) => change.name));
  const listed = metadata
    .filter((entry) => !names.has(entry.name))
    .map((entry) => ({ name: entry.name, from: null, to: entry.version }));
  return [...known, ...listed].map((change) => {
    if (change.to !== null) return change;
    const entry = metadata.find((candidate) => candidate.name === change.name && candidate.version !== null);
    return entry ? { ...change, to: entry.version } : change;
  });
}

/** The versions decide; Dependabot's own `update-type` fills in where they cannot (calendar versions, no versions). */
function moveOf(packages: PackageChange[], metadata: UpdatedDependency[]): UpdateType {
  const fromVersions = largestMove(packages.map((change) => classifyVersions(change.from, change.to)));
  if (fromVersions !== "other") return fromVersions;
  return largestMove(metadata.flatMap((entry) => (entry.updateType ? [entry.updateType] : [])));
}

/**
 * The title's " in /dir" first, then the body's one directory, then the branch. Multi-directory
 * configurations ("across N directories") leave the directory out of the branch, so it is not guessed there.
 */
function directoryOf(
  headRef: string,
  title: DependabotTitle | null,
  bodyDirectories: string[],
  packages: PackageChange[],
  group: string | null,
): string | null {
  if (title?.directory) return title.directory;
  const multi = title?.directoryCount !== null && title?.directoryCount !== undefined;
  if (bodyDirectories.length === 1 && (!multi || title?.directoryCount === 1)) return bodyDirectories[0] ?? null;
  if (bodyDirectories.length > 1 || multi) return null;
  const names = group !== null ? [group] : packages.map((change) => change.name);
  return directoryFromBranch(headRef, names);
}
