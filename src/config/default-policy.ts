// The policy of a repository without a config file: the schema's defaults, read like any file would be.
import type { Policy } from "../domain/policy.js";
import { parsePolicy } from "./parse-policy.js";

function buildDefaultPolicy(): Policy {
  const { policy, problems } = parsePolicy({});
  // Only a broken default in schema.ts gets here, and every test run would catch it at import.
  if (policy === null) throw new Error(`config schema defaults are invalid: ${JSON.stringify(problems)}`);
  return policy;
}

export const DEFAULT_POLICY: Policy = buildDefaultPolicy();
