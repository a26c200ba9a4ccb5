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
 * The directory, when the branch ends with the dependency names (joined by "-and-", as dependabot-core's
 * branch namer joins several) or the group name, and an optional version or hash: `regex-1.9.6` → "/",
 * `frontend/lodash-4.17.21` → "/frontend", `api/main/coffee-rails/and/coffeescript` → "/api/main",
 * `dependabot-npm_and_yarn-nested-fsevents-1.2.13` → "/nested". As in dependabot/fetch-metadata, with a `-`
 * or `_` separator a `-` in the directory cannot be told from a `/`, so it reads as one.
 */
export function directoryFromBranch(headRef: string, names: readonly string[]): string | null {
  const branch = parseDependabotBranch(headRef);
  const separator = headRef.charAt("dependabot".length);
  if (!branch || names.length === 0 || names.some((name) => !name)) return null;
  // dependabot-core drops `@` and turns `:`, `[` and `]` into `-` when naming branches.
  const leaf = names.map((name) => name.replace(/@/g, "").replace(/[:[\]]/g, "-")).join("-and-");
  const flatten = (text: string): string => text.replace(/[-/]/g, "/").split(separator).join("/");
  const rest = flatten(branch.rest);
  const wanted = flatten(leaf);
  for (let at = rest.lastIndexOf(wanted); at >= 0; at = at === 0 ? -1 : rest.lastIndexOf(wanted, at - 1)) {
    const after = rest.slice(at + wanted.length);
    // After the names: nothing, or one version or hash chunk (`4.17.21`, `v1.1.0`, `cff701b`, `tw-7`).
    if ((at === 0 || rest[at - 1] === "/") && (after === "" || /^\/[^/]+(?:\/[^/]+)?$/.test(after))) {
      const prefix = branch.rest.slice(0, Math.max(0, at - 1));
      return prefix ? `/${separator === "/" ? prefix : prefix.replace(/-/g, "/")}` : "/";
    }
  }
  return null;
}
