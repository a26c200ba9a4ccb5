// `installation` and `installation_repositories`: the app's lifecycle on an account. Record the change and
// enqueue the work (backfill, forgetting); the job path refuses anything for places the app left.
import type { Context } from "probot";
import type { Redis } from "ioredis";
import type { JobQueue } from "../queue/jobs.js";
import type { DeliveryLog } from "../store/pull-request-store.js";
import type { InstallationLifecycle } from "../store/installation-lifecycle.js";
import { registerInstallation } from "../use-cases/digest-schedule.js";
import { reconcileSchedulerId } from "../use-cases/reconcile-schedule.js";
import { oncePerDelivery } from "./once-per-delivery.js";

export interface LifecycleHandlerDeps {
  queue: JobQueue;
  redis: Redis;
  lifecycle: InstallationLifecycle;
  deliveries: DeliveryLog;
}

type ShortRepo = { id: number; full_name: string };
const reposOf = (list: ShortRepo[] | undefined): Array<{ repoId: number; name: string }> =>
  (list ?? []).map((r) => ({ repoId: r.id, name: r.full_name }));

export function installationHandler(deps: LifecycleHandlerDeps) {
  return async (context: Context<"installation">): Promise<void> => {
    const { payload } = context;
    const installationId = payload.installation.id;
    const log = context.log.child({ action: payload.action });
    await oncePerDelivery(deps.deliveries, context.id, log, async () => {
      switch (payload.action) {
        case "created": {
          await deps.lifecycle.setSuspended(installationId, false);
          await registerInstallation(deps, installationId);
          const repos = reposOf(payload.repositories as ShortRepo[] | undefined);
          await deps.queue.add({ name: "backfill-installation", data: { installationId, trigger: "installed", repos: repos.length > 0 ? repos : null, key: context.id } });
          log.info({ repos: repos.length }, "app installed; backfill queued");
          return;
        }
        case "unsuspend":
          await deps.lifecycle.setSuspended(installationId, false);
          await deps.queue.add({ name: "backfill-installation", data: { installationId, trigger: "unsuspended", repos: null, key: context.id } });
          log.info("installation unsuspended; backfill queued");
          return;
        case "suspend":
          await deps.lifecycle.setSuspended(installationId, true);
          log.info("installation suspended; its jobs are dropped until it is unsuspended");
          return;
        case "deleted":
          await deps.lifecycle.markDeleted(installationId);
          await deps.queue.removeScheduler(`digest-${installationId}`);
          await deps.queue.removeScheduler(reconcileSchedulerId(installationId));
          await deps.queue.add({ name: "forget-installation", data: { installationId } }, { priority: 1, forgetWhenDone: true });
          log.info("app uninstalled; its data is being deleted");
          return;
        default:
          log.debug("installation event ignored");
      }
    });
  };
}

export function installationRepositoriesHandler(deps: LifecycleHandlerDeps) {
  return async (context: Context<"installation_repositories">): Promise<void> => {
    const { payload } = context;
    const installationId = payload.installation.id;
    const log = context.log.child({ action: payload.action });
    await oncePerDelivery(deps.deliveries, context.id, log, async () => {
      if (payload.action === "added") {
        const repos = reposOf(payload.repositories_added as ShortRepo[]);
        await deps.lifecycle.setRemoved(installationId, repos.map((r) => r.repoId), false);
        await deps.queue.add({ name: "backfill-installation", data: { installationId, trigger: "repos-added", repos, key: context.id } });
        log.info({ repos: repos.length }, "repositories added; backfill queued");
      } else {
        const repoIds = reposOf(payload.repositories_removed as ShortRepo[]).map((r) => r.repoId);
        await deps.lifecycle.setRemoved(installationId, repoIds, true);
        await deps.queue.add({ name: "forget-repositories", data: { installationId, repoIds, key: context.id } }, { priority: 1 });
        log.info({ repos: repoIds.length }, "repositories removed; their jobs are cancelled and data deleted");
      }
    });
  };
}
