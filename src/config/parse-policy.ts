// The only way into a Policy: every problem in the file is collected, and any problem means no policy at all,
// because a half-applied config is worse than the last good one.
import type { ConfigProblem, Policy } from "../domain/policy.js";
import type { Problems } from "./field.js";
import { resolvePolicy } from "./resolve-policy.js";
import { CONFIG_SCHEMA } from "./schema.js";

export interface PolicyResult {
  policy: Policy | null;
  problems: ConfigProblem[];
}

/** `raw` is the parsed YAML (Probot's loader has already merged `_extends`, which is ignored here). Never throws. */
export function parsePolicy(raw: unknown): PolicyResult {
  const problems: Problems = [];
  const config = CONFIG_SCHEMA.read(raw ?? {}, "", problems);
  if (config === undefined || problems.length > 0) return { policy: null, problems };
  return { policy: resolvePolicy(config), problems };
}
