// Dependabot's head ref: `dependabot/<package-manager>/<directory>/<dependency>-<version>` (dependabot-core
// branch_namer), or `…/<directory>/<group>-<hash>` for groups. The separator is configurable (`/`, `-`, `_`).
import { KNOWN_DEPENDABOT_SEGMENTS } from "./ecosystem.js";

export interface DependabotBranch {
  segment: string;
  /** Everything after the package-manager segment, with the separator normalised to `/`. */
  rest: string;
}

export function parseDependabotBranch(headRef: string): DependabotBranch | null {
  const match = /^dependabot([/_-])(.+)$/.exec(headRef);
  if (!match?.[1] || !match[2]) return null;
  const separator = match[1];
  const tail = match[2];
  // Segments contain `_` (npm_and_yarn), so with `_` or `-` separators try the known names first.
  const known = KNOWN_DEPENDABOT_SEGMENTS.filter((segment) => tail.startsWith(segment + separator)).sort(
    (a, b) => b.length - a.length,
  )[0];
  const segment = known ?? tail.split(separator)[0] ?? "";
  if (!segment) return null;
  const rest = tail.slice(segment.length + 1);
  return { segment, rest: separator === "/" ? rest : rest.split(separator).join("/") };
}

/**
 * The directory, when the branch ends with the given dependency (or group) name and an optional version or
 * hash: `regex-1.9.6` → "/", `frontend/lodash-4.17.21` → "/frontend". Only trusted with `/` separators,
 * where names keep their shape.
 */
export function directoryFromBranch(headRef: string, name: string): string | null {
  const branch = parseDependabotBranch(headRef);
  if (!branch || !headRef.startsWith("dependabot/") || !name) return null;
  // dependabot-core drops `@` and turns `:`, `[` and `]` into `-` when naming branches.
  const sanitised = name.replace(/@/g, "").replace(/[:[\]]/g, "-");
  const leaf = new RegExp(`(?:^|/)${escapeRegExp(sanitised)}(?:-[^/]+)?$`);
  const match = leaf.exec(branch.rest);
  if (!match) return null;
  const prefix = branch.rest.slice(0, match.index);
  return prefix ? `/${prefix}` : "/";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
