// Renovate's PR titles: `{commitMessageAction} {commitMessageTopic} {commitMessageExtra} {commitMessageSuffix}`
// (lib/config/options defaults: "Update", "dependency {{depName}}", "to {{prettyNewMajor|prettyNewVersion|newValue}}"),
// then " ({{baseBranch}})" with several base branches and " (major)"/"(minor)"/"(patch)" for some groups
// (lib/workers/repository/updates/generate.ts). Managers and datasources set their own topics.
import type { Ecosystem, PackageChange, UpdateType } from "../types.js";
import { bareVersion } from "./bare-version.js";
import { unquote } from "./markdown-text.js";
import { readRenovateTopic, type RenovateTopic } from "./renovate-topic.js";

export interface RenovateTitle {
  packages: PackageChange[];
  /** What the title alone says about the move; null when only the body can tell. */
  updateType: UpdateType | null;
  ecosystem: Ecosystem | null;
  /** A group topic ("all non-major dependencies", "babel monorepo", "github-actions deps"). */
  group: boolean;
}

// The action is the first of these words; up to three words before it are a custom action ("Unlock and update").
const ACTION = /^(?:\S+\s+){0,3}?(lock file maintenance|roll back|update|upgrade|bump|pin|replace)(?:\s+(.*))?$/i;
const TRAILING_PARENTHESES = /\s+\(([^()]{1,100})\)$/;

/** Reads a title already stripped of commit prefixes and `[SECURITY]`; null when it is not Renovate's. */
export function parseRenovateTitle(text: string): RenovateTitle | null {
  const { title, hint } = withoutTrailingParentheses(text);
  const action = ACTION.exec(title);
  if (!action?.[1]) return null;
  const verb = action[1].toLowerCase();
  const rest = (action[2] ?? "").trim();
  const parsed = verb === "lock file maintenance" ? result([], "lockfile", null, false) : readRest(verb, rest);
  if (!parsed) return null;
  return hint && parsed.updateType !== "lockfile" ? { ...parsed, updateType: hint } : parsed;
}

/** " (main)", " (.gitmodules) (master)": base branches and files, never a group; " (major)" is an update type. */
function withoutTrailingParentheses(text: string): { title: string; hint: UpdateType | null } {
  let title = text;
  let hint: UpdateType | null = null;
  for (let round = 0; round < 3; round += 1) {
    const found = TRAILING_PARENTHESES.exec(title);
    if (!found?.[1]) break;
    const word = found[1].trim().toLowerCase();
    if (word === "major" || word === "minor" || word === "patch") hint ??= word;
    title = title.slice(0, found.index);
  }
  return { title, hint };
}

function readRest(verb: string, rest: string): RenovateTitle | null {
  if (verb === "pin" && /^dependencies$/i.test(rest)) return result([], "pin", null, true);
  if (verb === "replace") return replacement(rest);
  const digest = / digest to (\S+)$/i.exec(rest);
  if (digest?.[1]) return single(rest.slice(0, digest.index), digest[1], "digest");
  // A custom commitMessageExtra "from {{currentVersion}} to {{newVersion}}".
  const fromTo = /^(.+?) from (\S+) to (\S+)$/i.exec(rest);
  if (fromTo?.[1] && fromTo[2] && fromTo[3]) {
    const parsed = single(fromTo[1], fromTo[3], moveOfVerb(verb, fromTo[3]));
    const from = bareVersion(fromTo[2], { displayV: true }).version;
    return { ...parsed, packages: parsed.packages.map((change) => ({ ...change, from })) };
  }
  // The first " to ": versions may hold spaces ("to ~> 3.1.0"), topics do not say "to".
  const to = /^(?:(.*?) )?to (.+)$/i.exec(rest);
  if (to?.[2]) return single(to[1] ?? "", to[2], moveOfVerb(verb, to[2]));
  // "update dependency x v1.2.0": a custom commitMessageExtra without "to".
  const bare = /^(.+) (v?\d\S*)$/i.exec(rest);
  if (bare?.[1] && bare[2]) return single(bare[1], bare[2], moveOfVerb(verb, bare[2]));
  if (!rest) return null;
  // Without a version the topic is a groupName ("all non-major dependencies", "pyo3", "github-actions").
  const topic = readRenovateTopic(rest);
  if (topic.name !== null && !topic.group && topic.kind !== "bare") {
    return result([{ name: topic.name, from: null, to: null }], verb === "pin" ? "pin" : null, topic.ecosystem, false);
  }
  return result([], verb === "pin" ? "pin" : null, topic.ecosystem, true);
}

/** Renovate prints only the major ("to v4") when the update is a major one (`prettyNewMajor`). */
function moveOfVerb(verb: string, printed: string): UpdateType | null {
  if (verb === "pin") return "pin";
  if (verb === "roll back") return "other";
  return /^v\d+$/i.test(printed.trim()) ? "major" : null;
}

function single(topicText: string, printed: string, updateType: UpdateType | null): RenovateTitle {
  const topic = readRenovateTopic(topicText.trim());
  if (topic.name === null || topic.group) return result([], updateType, topic.ecosystem, true);
  return result([versioned(topic, printed)], updateType, topic.ecosystem, false);
}

function versioned(topic: RenovateTopic, printed: string): PackageChange {
  const { version, range } = bareVersion(printed, { displayV: true });
  return { name: topic.name ?? "", from: null, to: version || null, ...(range ? { range: true as const } : {}) };
}

// "Replace dependency a with b v2.0.1", "Replace a with b 2.0.1", "Replace a with b" (replacementName/Version).
function replacement(rest: string): RenovateTitle | null {
  const found = /^(.+?) with (\S+)(?: (\S+))?$/i.exec(rest);
  if (!found?.[1] || !found[2]) return null;
  const topic = readRenovateTopic(found[1]);
  const newName = unquote(found[2]);
  const arriving: PackageChange = found[3]
    ? { ...versioned({ ...topic, name: newName }, found[3]), from: null }
    : { name: newName, from: null, to: null };
  const leaving: PackageChange[] = topic.name ? [{ name: topic.name, from: null, to: null, replacedBy: newName }] : [];
  return result([...leaving, arriving], "other", topic.ecosystem, false);
}

function result(
  packages: PackageChange[],
  updateType: UpdateType | null,
  ecosystem: Ecosystem | null,
  group: boolean,
): RenovateTitle {
  return { packages, updateType, ecosystem, group };
}
