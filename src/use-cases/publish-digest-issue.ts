// One digest issue per target and week: leased in Redis (two workers never both create it) and marked
// done once published (a process that dies mid-way leaves a lease that runs out, not a lost digest),
// found again by its hidden marker (a retry or a restart never creates a second one), and last week's
// issue is closed with a pointer to the new one — or with an all-clear when nothing is stale.
import { renderAllClear, renderSuperseded } from "../domain/digest/render-digest.js";
import type { RepoName } from "../github/github-reads.js";
import type { MarkedIssue } from "../github/github-writes.js";
import { spendWrites } from "./spend-writes.js";
import { RetryLater } from "../queue/retry-later.js";
import { releaseLease, takeLease } from "../store/redis-lease.js";
import type { WorkerDeps } from "./worker-deps.js";

export const DIGEST_LABEL = "merge-discipline-digest";
const DONE_TTL_SECONDS = 8 * 24 * 3600;

export interface DigestIssue {
  installationId: number;
  repo: RepoName;
  /** What the issue is about: "repo:owner/name" or "org:owner". Part of the marker. */
  target: string;
  week: string;
  title: string;
  body: string;
  /** Open an issue this week (something is stale, or the config asks for one even when clean). */
  open: boolean;
  assignees: string[];
}

export type DigestOutcome = "created" | "exists" | "closed-all-clear" | "nothing" | "published-already";

export async function publishDigestIssue(deps: WorkerDeps, digest: DigestIssue): Promise<DigestOutcome> {
  const doneKey = `{merge-discipline}:digest:${digest.installationId}:${digest.target}:${digest.week}`;
  const leaseKey = `${doneKey}:lease`;
  const lease = await takeLease(deps.redis, { done: doneKey, lease: leaseKey }, deps.leaseMs);
  if (lease.kind === "done") return "published-already";
  // Another worker is publishing it: look again when its lease ends, in case that worker died mid-way.
  if (lease.kind === "held") throw new RetryLater(deps.now() + lease.forMs + 100, "digest being published elsewhere");
  try {
    const outcome = await publish(deps, digest);
    await deps.redis.set(doneKey, String(deps.now()), "EX", DONE_TTL_SECONDS);
    return outcome;
  } finally {
    await releaseLease(deps.redis, leaseKey, lease.token).catch(() => undefined);
  }
}

async function publish(deps: WorkerDeps, digest: DigestIssue): Promise<DigestOutcome> {
  const writes = await deps.writes(digest.installationId);
  const prefix = `<!-- merge-discipline:digest target=${digest.target} `;
  const marker = `${prefix}week=${digest.week} -->`;
  const existing = await writes.findMarkedIssues(digest.repo, DIGEST_LABEL, prefix);
  const earlier = existing.filter((issue) => issue.state === "open" && !issue.body.includes(marker));
  let current: MarkedIssue | undefined = existing.find((issue) => issue.body.includes(marker));
  const outcome: DigestOutcome = current ? "exists" : digest.open ? "created" : earlier.length > 0 ? "closed-all-clear" : "nothing";
  await spend(deps, digest.installationId, (current || !digest.open ? 0 : 1) + earlier.length * 2);
  if (!current && digest.open) {
    current = await writes.createIssue(digest.repo, {
      title: digest.title,
      body: `${digest.body}\n\n${marker}\n`,
      labels: [DIGEST_LABEL],
      assignees: digest.assignees,
    });
  }
  for (const old of earlier) {
    const note = current ? renderSuperseded(current.url) : renderAllClear(digest.week);
    await writes.ensureComment(digest.repo, old.number, `<!-- merge-discipline:digest-closed by=${digest.week} -->`, `${note}\n\n<!-- merge-discipline:digest-closed by=${digest.week} -->`);
    await writes.closeIssue(digest.repo, old.number);
  }
  return outcome;
}

async function spend(deps: WorkerDeps, installationId: number, writes: number): Promise<void> {
  // Issues are few; a large all-clear sweep is split by the budget's own limit.
  await spendWrites(deps, installationId, Math.min(writes, 60));
}
