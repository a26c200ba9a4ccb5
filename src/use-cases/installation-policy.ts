// The organisation-wide policy (the org's `.github` repository), which governs installation-wide
// settings such as the digest schedule and the org digest's repository.
import { DEFAULT_POLICY } from "../config/default-policy.js";
import { parsePolicy } from "../config/parse-policy.js";
import type { Policy } from "../domain/policy.js";
import { readConfigSource } from "./read-config-source.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function installationPolicy(deps: WorkerDeps, installationId: number, org: string): Promise<Policy> {
  const github = await deps.github(installationId);
  const source = await readConfigSource(github, { owner: org, repo: ".github" });
  if (source.problems.length > 0) return DEFAULT_POLICY;
  return parsePolicy(source.raw).policy ?? DEFAULT_POLICY;
}
