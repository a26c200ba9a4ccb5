// The YAML block Dependabot writes into its commit messages (read the same way as dependabot/fetch-metadata):
//
//   ---
//   updated-dependencies:
//   - dependency-name: coffee-rails
//     dependency-version: 4.2.2
//     dependency-type: direct:production
//     update-type: version-update:semver-minor
//     dependency-group: all-gems
//   ...
import { parse as parseYaml } from "yaml";
import type { UpdateType } from "../types.js";
import { boundedText } from "./input-bounds.js";
import { fromDependabotUpdateType } from "./update-type.js";

export interface UpdatedDependency {
  name: string;
  /** `dependency-version`: the new version (newer Dependabot only). */
  version: string | null;
  dependencyType: string | null;
  updateType: UpdateType | null;
  group: string | null;
}

const FRAGMENT_START = /^-{3}[ \t]*\r?\n(?=updated-dependencies:)/m;
const FRAGMENT_END = /\r?\n\.{3}[ \t]*$/gm;

/** The first fragment only, as fetch-metadata does; [] when the message has none or it is not valid YAML. */
export function parseCommitMetadata(message: string): UpdatedDependency[] {
  const fragment = firstFragment(boundedText(message));
  if (!fragment) return [];
  let data: unknown;
  try {
    // failsafe: every scalar stays a string, so a version such as 1.10 is not read as the number 1.1.
    data = parseYaml(fragment, { schema: "failsafe", maxAliasCount: 0 });
  } catch {
    return [];
  }
  const list = isRecord(data) ? data["updated-dependencies"] : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).flatMap((entry) => {
    const name = text(entry["dependency-name"]);
    if (!name) return [];
    return [
      {
        name,
        version: text(entry["dependency-version"]),
        dependencyType: text(entry["dependency-type"]),
        updateType: fromDependabotUpdateType(text(entry["update-type"])),
        group: text(entry["dependency-group"]),
      },
    ];
  });
}

/** Start and end are found separately so a message of many unclosed starts is still read in one pass. */
function firstFragment(message: string): string | null {
  const start = FRAGMENT_START.exec(message);
  if (!start) return null;
  const from = start.index + start[0].length;
  FRAGMENT_END.lastIndex = from;
  const end = FRAGMENT_END.exec(message);
  return end ? message.slice(from, end.index) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value.trim() || null : null;
}
