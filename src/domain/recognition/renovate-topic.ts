// Renovate's commitMessageTopic: the default "dependency {{depName}}" and the topics managers and datasources set
// in their defaultConfig ("Rust crate {{depName}}", "{{{depName}}} Docker tag", "plugin {{depName}}", …).
import type { Ecosystem } from "../types.js";
import { unquote } from "./markdown-text.js";

export interface RenovateTopic {
  name: string | null;
  ecosystem: Ecosystem | null;
  /** A groupName, not a package. */
  group: boolean;
  /** "named": a known topic shape named the package; "bare": the topic was one word, maybe a package, maybe a group. */
  kind: "named" | "bare" | "group";
}

/** Name before the topic's words ("x Docker tag"), or after them ("Rust crate x"). Each pattern is anchored. */
const NAMED: Array<[RegExp, Ecosystem | null]> = [
  [/^(?:terraform|terragrunt dependency|tflint plugin) (?:\S+ )?(\S+)$/i, "terraform"],
  // "dependency x", prettyDepType topics ("devDependency x", "dev dependency x", "peerDependency x").
  [/^(?:[a-z]+[ -]?)?dependency (\S+)$/i, null],
  [/^module (\S+)$/i, "gomod"],
  [/^rust crate (\S+)$/i, "cargo"],
  [/^(?:helm release|helm chart|helm values) (\S+)$/i, "helm"],
  [/^pre-commit hook (\S+)$/i, "pre-commit"],
  [/^plugin (\S+)$/i, "gradle"],
  [/^homebrew formula (\S+)$/i, "homebrew"],
  [/^(?:bundle|buildkite plugin|buildpack|builder|vendir|resource) (\S+)$/i, null],
  [/^([^\s:]+)(?::\S+)? docker(?: tag| digest| image)?$/i, "docker"],
  [/^(\S+) action$/i, "github-actions"],
  [/^(\S+) (?:tool )?constraint$/i, null],
  [/^(\S+) digest$/i, null],
];

/** Topics that name a tool, not a package: Renovate's node-version, python-version, go directive, … topics. */
const TOOLS: Array<[RegExp, string, Ecosystem | null]> = [
  [/^go (?:module|toolchain) directive$/i, "go", "gomod"],
  [/^node\.js$/i, "node", null],
  [/^(python|gradle|rust|npm|yarn|pnpm|nix|batect)$/i, "", null],
];

export function readRenovateTopic(topic: string): RenovateTopic {
  const text = topic.trim();
  for (const [pattern, ecosystem] of NAMED) {
    const name = pattern.exec(text)?.[1];
    if (name) return { name: unquote(name), ecosystem, group: false, kind: "named" };
  }
  for (const [pattern, name, ecosystem] of TOOLS) {
    const found = pattern.exec(text);
    if (found) return { name: name || (found[1] ?? text).toLowerCase(), ecosystem, group: false, kind: "named" };
  }
  const ecosystem = groupEcosystem(text);
  if (/\s/.test(text) || /\bmonorepo$|^all\b/i.test(text)) return { name: null, ecosystem, group: true, kind: "group" };
  return text ? { name: unquote(text), ecosystem, group: false, kind: "bare" } : { name: null, ecosystem, group: true, kind: "group" };
}

/** Group names that carry their ecosystem: "helm releases", "… Docker tags", "github-actions deps". */
function groupEcosystem(text: string): Ecosystem | null {
  if (/\bdocker\b/i.test(text)) return "docker";
  if (/\bhelm\b/i.test(text)) return "helm";
  if (/^terraform\b/i.test(text)) return "terraform";
  if (/\bgithub[ -]actions?\b|\bactions$/i.test(text)) return "github-actions";
  if (/\brust crates?\b/i.test(text)) return "cargo";
  if (/\bgo modules?\b/i.test(text)) return "gomod";
  return null;
}
