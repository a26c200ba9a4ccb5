import type { JobQueue } from "../queue/jobs.js";
import { POLICY_SHAPE_VERSION, type PolicyStore, type StoredPolicy } from "../store/policy-store.js";
import type { RepoLocation } from "../store/pull-request-store.js";

/** Bursts of events (ten PRs synchronised at once) share one gate run per few seconds. */
const BUCKET_MS = 5_000;

/**
 * Asks for the repo's gate to be brought up to date when the repo's stored policy has a gate — or had
 * one recently enough that checks may need flipping back. Reads Redis only: safe on the webhook path.
 */
export async function requestGate(
  deps: { policies: PolicyStore; queue: JobQueue; now: () => number },
  location: RepoLocation,
  repo: string,
  /** The repo's stored policy when the caller read it already (the webhook path reads it with the claim). */
  preloaded?: { policy: StoredPolicy | null },
): Promise<void> {
  const stored = preloaded ? preloaded.policy : await deps.policies.get(location);
  if (stored?.shape !== POLICY_SHAPE_VERSION || !stored.policy || stored.policy.gate.mode === "off") return;
  const at = Math.ceil(deps.now() / BUCKET_MS) * BUCKET_MS;
  await deps.queue.add({ name: "apply-gate", data: { ...location, repo, at } }, { at });
}
