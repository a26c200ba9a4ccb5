import type { RepoLocation } from "./pull-request-store.js";

/** What is stored about an installation, deleted when GitHub says it is gone. */
export interface InstallationData {
  /** Every key of the installation (its repos, policies, budget, digest claims, progress); returns how many. */
  forgetInstallation(installationId: number): Promise<number>;
  /** One repo's records, alerts, stages and caches, and its entries in the installation's tables. */
  forgetRepo(location: RepoLocation): Promise<number>;
}
