import type { ConfigProblem, Policy } from "../domain/policy.js";
import type { RepoLocation } from "./pull-request-store.js";

/** Bumped whenever `Policy` gains fields: an older stored policy is reloaded, never used as is. */
export const POLICY_SHAPE_VERSION = 4;

/** A repo's policy as last loaded: the last VALID policy is kept even while the file has problems. */
export interface StoredPolicy {
  /** The last valid policy, or null when the repo never had one (the defaults apply). */
  policy: Policy | null;
  problems: ConfigProblem[];
  /** Identity of the config files read (blob SHAs); a reload with the same identity changes nothing. */
  sourceId: string;
  /** The source whose problems (or their fixing) were last shown on GitHub. */
  reportedSourceId: string | null;
  loadedAt: number;
  shape: number;
}

export interface PolicyStore {
  get(location: RepoLocation): Promise<StoredPolicy | null>;
  save(location: RepoLocation, stored: StoredPolicy): Promise<void>;
  /** Forces the next evaluation to reload (the org's shared config changed). */
  invalidateInstallation(installationId: number): Promise<void>;
}
