import type { DependabotAlert } from "../domain/dependabot-alert.js";
import type { RepoLocation } from "./pull-request-store.js";

/** Dependabot alerts per repo: read from GitHub once, then kept fresh by `dependabot_alert` webhooks. */
export interface AlertStore {
  list(location: RepoLocation): Promise<DependabotAlert[]>;
  /** Replaces the repo's alerts with a full listing from GitHub and remembers when that happened. */
  replaceAll(location: RepoLocation, alerts: DependabotAlert[], now: number): Promise<void>;
  upsert(location: RepoLocation, alert: DependabotAlert): Promise<void>;
  /** When the repo's alerts were last listed from GitHub, or null when never. */
  syncedAt(location: RepoLocation): Promise<number | null>;
}
