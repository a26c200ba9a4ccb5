import type { RepoLocation } from "./pull-request-store.js";
import type { PullRequestRef } from "../domain/pull-request-record.js";
import { createHash } from "node:crypto";

/**
 * Every key shares one hash tag so multi-key scripts stay legal on a Redis Cluster; BullMQ's queue
 * uses the same tag as its prefix.
 */
export const DEFAULT_KEY_PREFIX = "{merge-discipline}";

export function redisKeys(prefix: string = DEFAULT_KEY_PREFIX) {
  const repo = (l: RepoLocation): string => `${prefix}:repo:${l.installationId}:${l.repoId}`;
  return {
    pr: (ref: PullRequestRef): string => `${repo(ref)}:pr:${ref.number}`,
    repoPrs: (l: RepoLocation): string => `${repo(l)}:prs`,
    lineage: (l: RepoLocation, lineageKey: string): string =>
      `${repo(l)}:lineage:${createHash("sha1").update(lineageKey).digest("hex").slice(0, 16)}`,
    commits: (l: RepoLocation, sha: string): string => `${repo(l)}:commits:${sha}`,
    repoName: (fullName: string): string => `${prefix}:repo-name:${fullName.toLowerCase()}`,
    delivery: (id: string): string => `${prefix}:delivery:${id}`,
    installationRepos: (installationId: number): string => `${prefix}:installation:${installationId}:repos`,
    tombstone: (installationId: number): string => `${prefix}:uninstalled:${installationId}`,
    suspended: (installationId: number): string => `${prefix}:installation:${installationId}:suspended`,
    removedRepos: (installationId: number): string => `${prefix}:installation:${installationId}:removed-repos`,
    backfill: (installationId: number): string => `${prefix}:installation:${installationId}:backfill`,
    backfillRepos: (installationId: number): string => `${prefix}:installation:${installationId}:backfill:repos`,
    quietBefore: (installationId: number): string => `${prefix}:installation:${installationId}:quiet-before`,
    /** The version of the organisation's shared config last shown as a check in its `.github` repo. */
    orgConfigReported: (installationId: number): string => `${prefix}:installation:${installationId}:org-config-reported`,
    sync: (l: RepoLocation): string => `${repo(l)}:sync`,
    /** App-wide: where the last redelivery run stopped, the guids it asked for, the run's lease. */
    redeliveryCursor: `${prefix}:redelivery:cursor`,
    redeliveryAsked: `${prefix}:redelivery:asked`,
    redeliveryRunning: `${prefix}:redelivery:running`,
    /** Every key that holds an installation's data, as SCAN patterns (the tombstone is not among them). */
    installationPatterns: (installationId: number): string[] => [
      `${prefix}:repo:${installationId}:*`,
      `${prefix}:installation:${installationId}:*`,
      `${prefix}:budget:${installationId}:*`,
      `${prefix}:digest:${installationId}:*`,
    ],
    repoPattern: (l: RepoLocation): string => `${repo(l)}:*`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
