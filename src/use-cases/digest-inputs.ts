// What a digest needs of each repo, from Redis: the weekly digest of a large installation must not read
// every repo's config and alerts again (2,000 repos were 6,000 requests, more than a small installation's
// hourly allowance). Pushes to the default branch reload a policy, `dependabot_alert` webhooks and the
// daily reconciliation keep alerts fresh; GitHub is read only for a repo never loaded before.
import { DEFAULT_POLICY } from "../config/default-policy.js";
import type { DependabotAlert } from "../domain/dependabot-alert.js";
import type { Policy } from "../domain/policy.js";
import { POLICY_SHAPE_VERSION } from "../store/policy-store.js";
import type { RepoLocation } from "../store/pull-request-store.js";
import { currentPolicy } from "./current-policy.js";
import { repoAlerts } from "./repo-alerts.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function storedPolicy(deps: WorkerDeps, location: RepoLocation, repo: string): Promise<Policy> {
  const stored = await deps.policies.get(location);
  // A policy stored by an older version lacks newer fields: that one is reloaded.
  if (stored?.shape === POLICY_SHAPE_VERSION) return stored.policy ?? DEFAULT_POLICY;
  return currentPolicy(deps, { location, repo });
}

export async function storedAlerts(deps: WorkerDeps, location: RepoLocation, repo: string): Promise<DependabotAlert[]> {
  if ((await deps.alerts.syncedAt(location)) !== null) return deps.alerts.list(location);
  return repoAlerts(deps, location, repo);
}
