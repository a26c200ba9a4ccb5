// Renovate's PR titles: `{action} {topic} {extra}` from commitMessageAction / commitMessageTopic /
// commitMessageExtra (lib/config/options and each manager's and datasource's defaultConfig).
import type { Ecosystem, PackageChange, UpdateType } from "../types.js";
import { ecosystemFromRenovateTopic } from "./ecosystem.js";
import { unquote } from "./markdown-text.js";

export interface RenovateTitle {
  packages: PackageChange[];
  /** What the title alone says about the move; null when only the body can tell. */
  updateType: UpdateType | null;
  ecosystem: Ecosystem | null;
  /** A group topic ("all non-major dependencies", "babel monorepo", "github-actions deps"). */
  group: boolean;
}

const PATTERNS: Array<(title: string) => RenovateTitle | null> = [
  (title) => (/^lock file maintenance\b/i.test(title) ? result([], "lockfile", null, false) : null),
  (title) => (/^pin dependencies$/i.test(title) ? result([], "pin", null, true) : null),
  (title) => match(/^pin (.+?) to (\S+)$/i, title, (topic, to) => single(topic, to, "pin")),
  (title) => match(/^replace (.+?) with (\S+)(?: (\S+))?$/i, title, replacement),
  (title) => match(/^roll back (.+?) to (\S+)$/i, title, (topic, to) => single(topic, to, "other")),
  (title) => match(/^update (.+?) digest to (\S+)$/i, title, (topic, to) => single(topic, to, "digest")),
  (title) => match(/^update (.+?) to (\S+)$/i, title, (topic, to) => single(topic, to, bareMajor(to))),
  // Without "to …" the topic is a groupName ("all non-major dependencies", "pyo3", "github-actions"), not a package.
  (title) => match(/^update (.+)$/i, title, (topic) => result([], null, readTopic(topic).ecosystem, true)),
];

/** Reads a title already stripped of commit prefixes and `[SECURITY]`; null when it is not Renovate's. */
export function parseRenovateTitle(text: string): RenovateTitle | null {
  const major = /\s+\(major\)$/i.test(text);
  const title = text.replace(/\s+\(major\)$/i, "");
  for (const pattern of PATTERNS) {
    const parsed = pattern(title);
    if (parsed) return major ? { ...parsed, updateType: "major" } : parsed;
  }
  return null;
}

/** Renovate prints only the major ("to v4") when the update is a major one (`prettyNewMajor`). */
function bareMajor(to: string): UpdateType | null {
  return /^v\d+$/i.test(to) ? "major" : null;
}

function single(topic: string, to: string, updateType: UpdateType | null): RenovateTitle {
  const parsed = readTopic(topic);
  if (parsed.name === null) return result([], updateType, parsed.ecosystem, true);
  return result([{ name: parsed.name, from: null, to: unquote(to) }], updateType, parsed.ecosystem, parsed.group);
}

function replacement(topic: string, newName: string, version?: string): RenovateTitle {
  const parsed = readTopic(topic);
  const leaving: PackageChange[] = parsed.name ? [{ name: parsed.name, from: null, to: null }] : [];
  const arriving = { name: unquote(newName), from: null, to: version ? unquote(version) : null };
  return result([...leaving, arriving], "other", parsed.ecosystem, false);
}

interface Topic {
  name: string | null;
  ecosystem: Ecosystem | null;
  group: boolean;
}

const TOPIC_NAMES: RegExp[] = [
  /^dependency (\S+)$/i,
  /^module (\S+)$/i,
  /^rust crate (\S+)$/i,
  /^helm release (\S+)$/i,
  /^terraform (?:\S+ )?(\S+)$/i,
  /^pre-commit hook (\S+)$/i,
  /^(\S+?)(?::\S+)? docker(?: tag| digest)?$/i,
  /^(\S+) action$/i,
];

function readTopic(topic: string): Topic {
  const ecosystem = ecosystemFromRenovateTopic(topic);
  for (const pattern of TOPIC_NAMES) {
    const name = pattern.exec(topic)?.[1];
    if (name) return { name: unquote(name), ecosystem, group: false };
  }
  if (/\bmonorepo$|\b(?:dependencies|deps|packages)$|^all\b/i.test(topic) || /\s/.test(topic)) {
    return { name: null, ecosystem, group: true };
  }
  return { name: unquote(topic), ecosystem, group: false };
}

function match(
  pattern: RegExp,
  title: string,
  build: (first: string, second: string, third?: string) => RenovateTitle,
): RenovateTitle | null {
  const found = pattern.exec(title);
  if (!found?.[1]) return null;
  return build(found[1], found[2] ?? "", found[3]);
}

function result(
  packages: PackageChange[],
  updateType: UpdateType | null,
  ecosystem: Ecosystem | null,
  group: boolean,
): RenovateTitle {
  return { packages, updateType, ecosystem, group };
}
