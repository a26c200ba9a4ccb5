// Dependabot's PR body (and commit message body): the "Bumps …" / "Updates `x` from a to b" lines, the
// group table, and the per-directory sentences. Upstream release notes are cut away first.
import type { PackageChange } from "../types.js";
import { boundedText } from "./input-bounds.js";
import { lines, LINKS, linkText, unquote, withoutDetails } from "./markdown-text.js";
import { mergePackages } from "./package-list.js";

export interface DependabotBody {
  packages: PackageChange[];
  /** Directories named by the body ("in the /foo directory", "in `/frontend`"), in order of appearance. */
  directories: string[];
}

const NAME = String.raw`(?:\[[^\]]+\]\([^)]*\)|\x60[^\x60]+\x60|[^\s\x60\[]+)`;
// "Bumps [x](url) from 1.4.0 to 1.5.0." — optionally "in `/dir`" before "from"; the version ends at ". " or EOL.
const BUMPS = new RegExp(String.raw`^Bumps (${NAME})(?: in \x60(\/[^\x60]*)\x60)? from (.+?) to (\S+?)\.?(?:\s|$)`);
// "Updates `x` from 1 to 2" (one per dependency in groups and multi-dependency PRs); "from" is optional.
const UPDATES = /^Updates `([^`]+)`(?: from (\S+))? to (\S+?)\.?(?:\s|$)/;
// "Bumps the g group with 2 updates in the /foo directory: [a](…) and [b](…)." / "… group in /dir with 1 update: …"
const GROUP_SENTENCE = /^Bumps the \S+ group(?: in (\/\S*))? with \d+ updates?(?: in the (\/\S*) directory)?:\s*(.*)$/;
// "Updates the requirements on [a](…) and [b](…) to permit the latest version."
const REQUIREMENTS = /^Updates the requirements on (.+?) to permit the latest version/;
// "- `/frontend`: 1.4.0 → 1.5.0" (dependency-name groups across directories)
const DIRECTORY_ITEM = /^- `(\/[^`]*)`: (\S+) → (\S+)/;

export function parseDependabotBody(body: string): DependabotBody {
  const versioned: PackageChange[] = [];
  const named: string[] = [];
  const directories: string[] = [];
  let lastName: string | null = null;
  let table: TableColumns | null = null;

  for (const raw of lines(withoutDetails(boundedText(body)))) {
    const line = raw.replace(/^>\s?/, "").trim();
    table = readTableLine(line, table, versioned);
    if (table) continue;

    const bumps = BUMPS.exec(line);
    const updates = bumps ? null : UPDATES.exec(line);
    const group = bumps || updates ? null : GROUP_SENTENCE.exec(line);
    const requirements = REQUIREMENTS.exec(line);
    const item = DIRECTORY_ITEM.exec(line);
    if (bumps?.[1] && bumps[3] && bumps[4]) {
      lastName = linkText(bumps[1]);
      if (bumps[2]) directories.push(bumps[2]);
      versioned.push({ name: lastName, from: unquote(bumps[3]), to: unquote(bumps[4]) });
    } else if (updates?.[1] && updates[3]) {
      versioned.push({ name: unquote(updates[1]), from: updates[2] ? unquote(updates[2]) : null, to: unquote(updates[3]) });
    } else if (group) {
      const directory = group[1] ?? group[2];
      if (directory) directories.push(directory);
      named.push(...linkedNames(group[3] ?? ""));
    } else if (requirements?.[1]) {
      named.push(...linkedNames(requirements[1]));
    } else if (item?.[1] && item[2] && item[3] && lastName) {
      directories.push(item[1]);
      versioned.push({ name: lastName, from: item[2], to: item[3] });
    } else {
      const across = /^Bumps (\S+|\[[^\]]+\]\([^)]*\)) across \d+ directories:?/.exec(line);
      if (across?.[1]) lastName = linkText(across[1]);
    }
  }
  return { packages: mergePackages(versioned, named), directories: unique(directories) };
}

interface TableColumns {
  name: number;
  from: number;
  to: number;
}

/** "| Package | From | To |" tables that groups of five or more get; rows "| [x](…) | `1.4.0` | `1.5.0` |". */
function readTableLine(line: string, table: TableColumns | null, into: PackageChange[]): TableColumns | null {
  if (!line.startsWith("|")) return null;
  const cells = line.replace(/^\||\|$/g, "").split("|").map((cell) => cell.trim());
  if (!table) {
    const lower = cells.map((cell) => cell.toLowerCase());
    const name = lower.indexOf("package");
    const from = lower.indexOf("from");
    const to = lower.indexOf("to");
    return name >= 0 && from >= 0 && to >= 0 ? { name, from, to } : null;
  }
  if (cells.every((cell) => /^:?-+:?$/.test(cell))) return table;
  const name = linkText(cells[table.name] ?? "");
  const to = unquote(cells[table.to] ?? "");
  if (name) into.push({ name, from: unquote(cells[table.from] ?? "") || null, to: to && to !== "removed" ? to : null });
  return table;
}

function linkedNames(text: string): string[] {
  const links = [...text.matchAll(LINKS)].map((match) => unquote(match[1] ?? ""));
  if (links.length > 0) return links;
  return text
    .replace(/\.$/, "")
    .split(/,\s*|\s+and\s+/)
    .map(unquote)
    .filter((name) => name.length > 0 && !/\s/.test(name));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
