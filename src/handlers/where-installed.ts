// GitHub sends nothing for an uninstalled installation or a repository taken out of one, but a delivery
// from before can still arrive (a redelivery, a slow retry). Recording it would bring back data the
// uninstall deleted; the job path refuses its jobs anyway, so it is answered and dropped here.
import type { Context } from "probot";
import type { Blocked, InstallationLifecycle } from "../store/installation-lifecycle.js";

/** Deleted and removed places take nothing in; a suspended installation still records (it catches up on unsuspend). */
export function refusesWebhooks(blocked: Blocked | null): blocked is "deleted" | "removed" {
  return blocked === "deleted" || blocked === "removed";
}

export function whereInstalled<C extends Context>(lifecycle: InstallationLifecycle, handler: (context: C) => Promise<void>) {
  return async (context: C): Promise<void> => {
    const payload = context.payload as { installation?: { id?: unknown }; repository?: { id?: unknown } };
    const installationId = payload.installation?.id;
    if (typeof installationId === "number") {
      const repoId = typeof payload.repository?.id === "number" ? payload.repository.id : null;
      const blocked = await lifecycle.blocked(installationId, repoId);
      if (refusesWebhooks(blocked)) {
        context.log.info({ blocked }, "webhook for an uninstalled installation or a removed repository; ignored");
        return;
      }
    }
    await handler(context);
  };
}
