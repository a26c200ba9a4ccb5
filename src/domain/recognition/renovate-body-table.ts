// Renovate's "This PR contains the following updates:" table (lib/workers/repository/update/pr/body/
// updates-table.ts). Columns vary with `prBodyColumns`; rows look like
// | [lodash](…) | dependencies | patch | [`4.17.20` -> `4.17.21`](https://renovatebot.com/diffs/npm/lodash/4.17.20/4.17.21) |
import type { Ecosystem, PackageChange, UpdateType } from "../types.js";
import { bareVersion } from "./bare-version.js";
import { ecosystemsFromLinks } from "./ecosystem-links.js";
import { lines, linkText, unquote, withoutDetails } from "./markdown-text.js";
import { fromRenovateUpdateColumn } from "./update-type.js";

export interface RenovateRow {
  packages: PackageChange[];
  /** The "Update" column, when the table has one. */
  updateType: UpdateType | null;
  depType: string | null;
}

export interface RenovateTable {
  rows: RenovateRow[];
  /** Datasource ids from diff links and Merge Confidence badges, in order of appearance. */
  datasources: string[];
  /** Ecosystems of the registries the bot's own text links to (nuget.org, crates.io, …), in order of appearance. */
  linkedEcosystems: Ecosystem[];
}

interface Columns {
  package: number;
  type: number;
  update: number;
  change: number;
}

export function parseRenovateTable(body: string): RenovateTable {
  // Release notes (inside <details>) carry tables and links of their own.
  const own = withoutDetails(lines(body).join("\n"));
  const rows: RenovateRow[] = [];
  let columns: Columns | null = null;
  for (const raw of own.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith("|")) {
      columns = null;
      const listed = listItemRow(line);
      if (listed) rows.push(listed);
      continue;
    }
    const cells = line.replace(/^\||\|$/g, "").split("|").map((cell) => cell.trim());
    if (!columns) {
      columns = headerColumns(cells);
      continue;
    }
    if (cells.every((cell) => /^:?-*:?$/.test(cell))) continue;
    rows.push(readRow(cells, columns));
  }
  return { rows, datasources: datasourcesIn(own), linkedEcosystems: ecosystemsFromLinks(own) };
}

function headerColumns(cells: string[]): Columns | null {
  const names = cells.map((cell) => linkText(cell).toLowerCase());
  const columns = {
    package: names.indexOf("package"),
    type: names.indexOf("type"),
    update: names.indexOf("update"),
    change: names.indexOf("change"),
  };
  return columns.change >= 0 && (columns.package >= 0 || columns.update >= 0) ? columns : null;
}

function readRow(cells: string[], columns: Columns): RenovateRow {
  const cell = (index: number): string => (index >= 0 ? (cells[index] ?? "") : "");
  const [from, to] = changeValues(cell(columns.change));
  const updateType = columns.update >= 0 ? fromRenovateUpdateColumn(unquote(cell(columns.update))) : null;
  const depType = unquote(cell(columns.type)) || null;
  const [oldName, newName] = cell(columns.package).split(/\s(?:→|->)\s/).map(linkText);
  const packages: PackageChange[] = [];
  const before = from === null ? null : bareVersion(from);
  const after = to === null ? null : bareVersion(to);
  const range = before?.range || after?.range ? { range: true as const } : {};
  const fromVersion = before?.version || null;
  const toVersion = after?.version || null;
  if (oldName && newName && newName !== oldName) {
    // A replacement row: the old package leaves, the new one arrives.
    packages.push({ name: oldName, from: fromVersion, to: null, replacedBy: newName }, { name: newName, from: null, to: toVersion, ...range });
  } else if (oldName) {
    packages.push({ name: oldName, from: fromVersion, to: toVersion, ...range });
  }
  return { packages, updateType, depType };
}

// Renovate's bodies before its table (2017–2018) listed each update as an HTML item:
// <li>Pins devDependency <code>eslint-config-prettier</code> (<a …>source</a>) from <code>^3.0.1</code> to <code>v3.0.1</code></li>
// Anchored at the line's start, so a long line is tried once.
const LIST_ITEM = /^<li>[A-Z][a-z]+ ([A-Za-z]*[dD]ependency) <code>([^<]+)<\/code>.*? from <code>([^<]+)<\/code> to <code>([^<]+)<\/code>/;

function listItemRow(line: string): RenovateRow | null {
  const match = LIST_ITEM.exec(line);
  if (!match?.[2] || !match[3] || !match[4]) return null;
  const before = bareVersion(match[3], { displayV: true });
  const after = bareVersion(match[4], { displayV: true });
  const range = before.range || after.range ? { range: true as const } : {};
  return { packages: [{ name: match[2], from: before.version, to: after.version, ...range }], updateType: null, depType: match[1] ?? null };
}

/**
 * "`1.2.3` -> `1.2.4`", "`^1.7.0` → `1.7.0`", "`1.7.0`" (no current value), "`7cebfd4` → " (no new value: Renovate
 * prints an empty new digest so), "All locks refreshed".
 */
function changeValues(cell: string): [string | null, string | null] {
  const matches = [...cell.matchAll(/`([^`]+)`/g)];
  const values = matches.map((match) => (match[1] ?? "").trim());
  if (values.length >= 2) return [values[0] ?? null, values[1] ?? null];
  const only = matches[0];
  if (only) {
    const arrowAfter = /^\s*(?:->|→)/.test(cell.slice(only.index + only[0].length));
    return arrowAfter ? [values[0] ?? null, null] : [null, values[0] ?? null];
  }
  return bareArrow(cell);
}

/** "1.2.3 -> 1.2.4" without backticks. Found by position, not by one pattern, so a long cell is scanned once. */
function bareArrow(cell: string): [string | null, string | null] {
  const arrows = [cell.indexOf("->"), cell.indexOf("→")].filter((at) => at >= 0);
  if (arrows.length === 0) return [null, null];
  const at = Math.min(...arrows);
  const from = /[^\s[\]()]+$/.exec(cell.slice(Math.max(0, at - 200), at).trimEnd())?.[0];
  const to = /^[^\s[\]()]+/.exec(cell.slice(at + (cell.startsWith("->", at) ? 2 : 1)).trimStart())?.[0];
  return from && to ? [from, to] : [null, null];
}

const DATASOURCE_LINKS = [
  /renovatebot\.com\/diffs\/([a-z0-9-]+)\//g,
  /developer\.mend\.io\/api\/mc\/badges\/[a-z]+\/([a-z0-9-]+)\//g,
  /badges\.renovateapi\.com\/packages\/([a-z0-9-]+)\//g,
];

function datasourcesIn(text: string): string[] {
  const found: Array<{ at: number; id: string }> = [];
  for (const pattern of DATASOURCE_LINKS) {
    for (const match of text.matchAll(pattern)) found.push({ at: match.index, id: match[1] ?? "" });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((entry) => entry.id))];
}
