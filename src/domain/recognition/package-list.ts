// One list of package changes from several readings of the same PR (title, body lines, tables, commits).
import type { PackageChange } from "../types.js";

/**
 * The bots repeat themselves (a group table and an "Updates `x`" line for the same change): keep each
 * (name, from, to) once, and a bare name only when no versioned entry names it. Order of first appearance.
 */
export function mergePackages(versioned: PackageChange[], named: string[]): PackageChange[] {
  const seen = new Set<string>();
  const out: PackageChange[] = [];
  for (const change of versioned) {
    const key = `${change.name}\u0000${change.from ?? ""}\u0000${change.to ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(change);
  }
  const names = new Set(out.map((change) => change.name));
  for (const name of named) {
    if (names.has(name)) continue;
    names.add(name);
    out.push({ name, from: null, to: null });
  }
  return out;
}
