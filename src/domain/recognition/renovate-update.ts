// Everything Renovate says about one PR — title, updates table, links, branch — as one RecognisedUpdate.
import type { Ecosystem, PackageChange, PullRequestFacts, RecognisedUpdate, UpdateType } from "../types.js";
import { mergePackages } from "./package-list.js";
import {
  ecosystemFromRenovateBranch,
  ecosystemFromRenovateDatasource,
  ecosystemFromRenovateDepType,
  KNOWN_RENOVATE_DATASOURCES,
} from "./ecosystem.js";
import { ecosystemFromPackageName } from "./ecosystem-links.js";
import { parseRenovateTable, type RenovateTable } from "./renovate-body-table.js";
import { parseRenovateTitle, type RenovateTitle } from "./renovate-title.js";
import { securityMarkers } from "./security-markers.js";
import { stripTitle } from "./title-prefix.js";
import { classifyVersions, largestMove } from "./update-type.js";

/**
 * Renovate bodies do not name the directory (only an optional "Package file" column), so `directory` is null.
 * Renovate never needs commits: its title and table say everything recognition reads.
 */
export function renovateUpdate(facts: PullRequestFacts): RecognisedUpdate {
  const stripped = stripTitle(facts.title);
  const title = parseRenovateTitle(stripped.text);
  const table = parseRenovateTable(facts.body);
  const rowPackages = mergePackages(table.rows.flatMap((row) => row.packages), []);
  const packages = rowPackages.length > 0 ? rowPackages : (title?.packages ?? []);
  const vulnerabilityBranch = vulnerabilityDatasource(facts.headRef);
  const marks = securityMarkers({
    titleMarker: stripped.securityMarker || vulnerabilityBranch !== null,
    labels: facts.labels,
    body: facts.body,
  });
  const rowNames = new Set(table.rows.map((row) => row.packages[0]?.name).filter((name) => name !== undefined));
  // A group's title with one row in its table is one package (groupSingleUpdates, or a group's lone member).
  const grouped = rowNames.size > 1 || (rowNames.size === 0 && (title?.group ?? false) && packages.length !== 1);
  return {
    bot: "renovate",
    ecosystem: ecosystemOf(title, table, vulnerabilityBranch, packages, facts.headRef),
    directory: null,
    packages,
    updateType: moveOf(title, table, packages),
    security: marks.security,
    advisories: marks.advisories,
    severity: marks.severity,
    grouped,
  };
}

/** The table's "Update" column is Renovate's own verdict; versions decide the rest; the title's kind is the fallback. */
function moveOf(title: RenovateTitle | null, table: RenovateTable, packages: PackageChange[]): UpdateType {
  const perRow = table.rows.map((row) =>
    row.updateType ?? largestMove(row.packages.map((change) => classifyVersions(change.from, change.to))),
  );
  const fromTable = largestMove(perRow);
  if (fromTable !== "other") return fromTable;
  if (title?.updateType) return title.updateType;
  return largestMove(packages.map((change) => classifyVersions(change.from, change.to)));
}

/** The title's topic, then datasources (branch, diff links, badges), registry links, the Type column, names, the branch. */
function ecosystemOf(
  title: RenovateTitle | null,
  table: RenovateTable,
  branchDatasource: string | null,
  packages: PackageChange[],
  headRef: string,
): Ecosystem | null {
  if (title?.ecosystem) return title.ecosystem;
  for (const datasource of [...(branchDatasource ? [branchDatasource] : []), ...table.datasources]) {
    const ecosystem = ecosystemFromRenovateDatasource(datasource);
    if (ecosystem) return ecosystem;
  }
  if (table.linkedEcosystems[0]) return table.linkedEcosystems[0];
  for (const row of table.rows) {
    const name = row.packages[0]?.name ?? "";
    const ecosystem = row.depType ? ecosystemFromRenovateDepType(row.depType, name) : null;
    if (ecosystem) return ecosystem;
  }
  for (const change of packages) {
    const ecosystem = ecosystemFromPackageName(change.name);
    if (ecosystem) return ecosystem;
  }
  return ecosystemFromRenovateBranch(headRef);
}

/** Renovate's default vulnerabilityAlerts branchTopic is `{{datasource}}-{{depNameSanitized}}-vulnerability`. */
function vulnerabilityDatasource(headRef: string): string | null {
  const topic = /^renovate\/(.+)-vulnerability$/.exec(headRef)?.[1];
  if (!topic) return null;
  // With several base branches the branch name carries one first: "renovate/main-npm-vite-vulnerability".
  const known = KNOWN_RENOVATE_DATASOURCES.find((datasource) => topic.startsWith(`${datasource}-`)) ??
    KNOWN_RENOVATE_DATASOURCES.find((datasource) => topic.includes(`-${datasource}-`));
  return known ?? topic.split("-")[0] ?? null;
}
