// Dependabot's PR titles, as built by dependabot-core's PullRequestCreator::MessageBuilder (pr_name).
import type { PackageChange } from "../types.js";
import { bareVersion } from "./bare-version.js";
import { unquote } from "./markdown-text.js";

export interface DependabotTitle {
  packages: PackageChange[];
  /** From " in /dir"; null when the title does not name one. */
  directory: string | null;
  group: string | null;
  /** "across N directories": the PR spans several directories. */
  directoryCount: number | null;
}

const EMPTY: DependabotTitle = { packages: [], directory: null, group: null, directoryCount: null };

/** Reads a title already stripped of commit prefixes and security markers; null when it is not Dependabot's. */
export function parseDependabotTitle(text: string): DependabotTitle | null {
  const title = text.replace(/\s+\(via audit fix\)$/i, "");
  return groupTitle(title) ?? bumpTitle(title) ?? requirementTitle(title);
}

// "Bump the npm_and_yarn group across 2 directories with 5 updates", "Bump the x group in /dir with 1 update"
function groupTitle(title: string): DependabotTitle | null {
  const match =
    /^bump the (\S+) group(?: in (\/\S*))?(?: across (\d+) director(?:y|ies))? with \d+ updates?$/i.exec(title);
  if (!match?.[1]) return null;
  return { ...EMPTY, group: match[1], directory: match[2] ?? null, directoryCount: count(match[3]) };
}

// "Bump x from 1 to 2", "… in /dir", "… in the g group", "… across 2 directories", "Bump a, b and c"
function bumpTitle(title: string): DependabotTitle | null {
  const bump = /^bump (.+)$/i.exec(title);
  if (!bump?.[1]) return null;
  const clauses = trailingClauses(bump[1]);
  const fromTo = / from (.+?) to (.+)$/.exec(clauses.rest);
  if (fromTo?.[1] && fromTo[2]) {
    // Maven dependency sets: "Bump springframework dependency set from … to …".
    const name = unquote(clauses.rest.slice(0, fromTo.index)).replace(/ dependency set$/, "");
    return { ...clauses.found, packages: [{ name, from: unquote(fromTo[1]), to: unquote(fromTo[2]) }] };
  }
  return { ...clauses.found, packages: splitNames(clauses.rest).map((name) => ({ name, from: null, to: null })) };
}

// Libraries get requirement updates: "Update x requirement from ~> 1.4 to ~> 1.5", "Update requirements for a and b"
function requirementTitle(title: string): DependabotTitle | null {
  const clauses = trailingClauses(title);
  const single = /^update (\S+) requirement(?: from (.+?))? to (.+)$/i.exec(clauses.rest);
  if (single?.[1] && single[3]) {
    // "from ~> 1.4 to ~> 1.5": the versions of a requirement; `range` says it was one.
    const from = single[2] ? bareVersion(single[2]) : null;
    const to = bareVersion(single[3]);
    const range = to.range || from?.range ? { range: true as const } : {};
    return { ...clauses.found, packages: [{ name: unquote(single[1]), from: from?.version ?? null, to: to.version, ...range }] };
  }
  const several = /^update requirements for (.+)$/i.exec(clauses.rest);
  if (!several?.[1]) return null;
  return { ...clauses.found, packages: splitNames(several[1]).map((name) => ({ name, from: null, to: null })) };
}

/** Peels Dependabot's suffixes off the end, in the order it appends them: " in /dir in the g group across N directories". */
function trailingClauses(text: string): { rest: string; found: Omit<DependabotTitle, "packages"> } {
  let rest = text;
  const found = { directory: null as string | null, group: null as string | null, directoryCount: null as number | null };
  const across = / across (\d+) director(?:y|ies)$/i.exec(rest);
  if (across) {
    found.directoryCount = count(across[1]);
    rest = rest.slice(0, across.index);
  }
  const group = / in the (\S+) group$/i.exec(rest);
  if (group?.[1]) {
    found.group = group[1];
    rest = rest.slice(0, group.index);
  }
  const directory = / in (\/\S*)$/.exec(rest);
  if (directory?.[1]) {
    found.directory = directory[1];
    rest = rest.slice(0, directory.index);
  }
  return { rest, found };
}

function splitNames(list: string): string[] {
  return list
    .split(/,\s*|\s+and\s+/)
    .map(unquote)
    .filter((name) => name.length > 0 && !/\s/.test(name));
}

function count(raw: string | undefined): number | null {
  return raw === undefined ? null : Number(raw);
}
