import type { Context } from "probot";
import { MalformedPullRequestError } from "../domain/pull-request-facts.js";
import { snapshotFromPullRequest } from "../github/pull-request-snapshot.js";
import type { DeliveryLog } from "../store/pull-request-store.js";
import { recordPullRequest, type RecordDeps } from "../use-cases/record-pull-request.js";
import { oncePerDeliveryWith } from "./once-per-delivery.js";
import { requestGate } from "../use-cases/request-gate.js";
import type { PolicyStore } from "../store/policy-store.js";
import type { Redis } from "ioredis";
import { isKnownInstallation, registerInstallation } from "../use-cases/digest-schedule.js";
import type { PullRequestSnapshot } from "../domain/pull-request-snapshot.js";
import { observeMerge, type ObserveMergeDeps } from "../use-cases/observe-merge.js";
import type { InstallationLifecycle } from "../store/installation-lifecycle.js";
import { refusesWebhooks } from "./where-installed.js";

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.edited",
  "pull_request.synchronize",
  "pull_request.labeled",
  "pull_request.unlabeled",
  "pull_request.ready_for_review",
  "pull_request.closed",
] as const;

export interface HandlerDeps extends Omit<RecordDeps, "log">, Omit<ObserveMergeDeps, "store" | "policies"> {
  deliveries: DeliveryLog;
  policies: PolicyStore;
  redis: Redis;
  lifecycle: InstallationLifecycle;
}

/** Record and enqueue only: GitHub gives a webhook 10 s, and everything slow happens in jobs. */
export function pullRequestHandler(deps: HandlerDeps) {
  return async (context: Context<"pull_request">): Promise<void> => {
    const { payload } = context;
    const log = context.log;
    const installationId = "installation" in payload ? payload.installation?.id : undefined;
    if (installationId === undefined) {
      log.warn("pull_request webhook without an installation; skipped");
      return;
    }
    let snapshot: PullRequestSnapshot;
    try {
      snapshot = snapshotFromPullRequest(installationId, payload.repository, payload.pull_request);
    } catch (error) {
      if (error instanceof MalformedPullRequestError) {
        log.warn({ problem: error.message }, "malformed pull_request payload; skipped");
        return;
      }
      throw error;
    }
    const location = { installationId, repoId: payload.repository.id };
    // Any PR opening, moving or closing may change what the repo gate shows (or where).
    const movesGate = ["opened", "reopened", "synchronize", "closed"].includes(payload.action);
    // Everything the event needs from Redis travels with the delivery claim: one round trip, then the writes.
    const read = async () => {
      const [commits, stored, knownInstallation, policy, blocked] = await Promise.all([
        deps.store.loadCommits(location, snapshot.headSha),
        deps.store.get(snapshot.ref),
        isKnownInstallation(deps.redis, installationId),
        movesGate ? deps.policies.get(location) : null,
        deps.lifecycle.blocked(installationId, location.repoId),
      ]);
      return { commits, stored, knownInstallation, policy, blocked };
    };
    await oncePerDeliveryWith(deps.deliveries, context.id, log, read, async (reads) => {
      // See where-installed.ts: a late delivery must not bring back what an uninstall deleted.
      if (refusesWebhooks(reads.blocked)) {
        log.info({ blocked: reads.blocked }, "webhook for an uninstalled installation or a removed repository; ignored");
        return;
      }
      const [outcome] = await Promise.all([
        recordPullRequest({ ...deps, log }, snapshot, reads),
        movesGate ? requestGate(deps, location, payload.repository.full_name, { policy: reads.policy }) : undefined,
      ]);
      if (outcome.kind === "recorded") await registerInstallation(deps, installationId, reads.knownInstallation);
      const merged = payload.action === "closed" && payload.pull_request.merged;
      if (merged && outcome.kind === "recorded" && outcome.outcome !== "stale" && outcome.outcome !== "unchanged") {
        await observeMerge(deps, snapshot.ref);
      }
      log.debug({ outcome }, "pull request event handled");
    });
  };
}
