// Where the app may still write. GitHub stops sending webhooks to a suspended or uninstalled app and to
// repositories taken out of an installation, but jobs queued before that would still run: the job path
// asks this first.
export type Blocked = "deleted" | "suspended" | "removed";

export interface InstallationLifecycle {
  /** Why nothing may be done for this installation (and repo, when given), or null when all is well. */
  blocked(installationId: number, repoId: number | null): Promise<Blocked | null>;
  /** Uninstalled: a tombstone refuses late jobs and redeliveries until it expires. */
  markDeleted(installationId: number): Promise<void>;
  setSuspended(installationId: number, suspended: boolean): Promise<void>;
  /** Repos taken out of (removed: true) or put back into the installation. */
  setRemoved(installationId: number, repoIds: number[], removed: boolean): Promise<void>;
}
