// The opt-in repo gate: while a security fix at or above the configured severity is overdue, every other
// open PR carries a "merge-discipline gate" check (warn → neutral, block → failure). When the last one
// merges or is snoozed, the checks flip back to success. Checks are written one by one within the write
// budget; a job refused by the budget resumes later and skips what it already wrote.
import { createHash } from "node:crypto";
import { renderGateCheck } from "../domain/check-run/render-gate-check.js";
import { splitFullName } from "../github/github-reads.js";
import { spendWrites } from "./spend-writes.js";
import { currentPolicy } from "./current-policy.js";
import { overdueSecurityFixes } from "./overdue-security.js";
import { runExclusive } from "../queue/run-exclusive.js";
import { DEFAULT_KEY_PREFIX } from "../store/redis-keys.js";
import type { WorkerDeps } from "./worker-deps.js";

const DAY = 86_400_000;
/** Remembered for a head that had no gate check while nothing was overdue, so GitHub is asked once. */
const NEVER_GATED = "never-gated";

type GateJob = { installationId: number; repoId: number; repo: string };

/** One gate run per repo at a time: two at once would both find no check on a head and both create one. */
export async function applyGate(deps: WorkerDeps, job: GateJob): Promise<void> {
  const key = `${DEFAULT_KEY_PREFIX}:repo:${job.installationId}:${job.repoId}:gate-running`;
  await runExclusive(deps, key, () => gate(deps, job));
}

async function gate(deps: WorkerDeps, job: GateJob): Promise<void> {
  const location = { installationId: job.installationId, repoId: job.repoId };
  const policy = await currentPolicy(deps, { location, repo: job.repo });
  const gateOn = policy.enabled && policy.gate.mode !== "off";
  const overdue = gateOn ? await overdueSecurityFixes(deps, location, job.repo, policy) : [];
  const shown = await deps.gates.shown(location);
  // Whole days only, so the check's text (and fingerprint) changes daily, not on every run.
  const spec = renderGateCheck({
    mode: policy.gate.mode === "block" && gateOn ? "block" : "warn",
    overdue: overdue.map((o) => ({ ...o, overdueByMs: Math.floor(o.overdueByMs / DAY) * DAY })),
    now: Math.floor(deps.now() / DAY) * DAY,
  });
  const fingerprint = createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 24);
  const repo = splitFullName(job.repo);
  const github = await deps.github(job.installationId);
  const fixes = new Set(overdue.map((o) => o.number));
  const targets = (await github.listOpenPullRequests(repo)).filter((pr) => !fixes.has(pr.number));
  const writes = await deps.writes(job.installationId);
  for (const pr of targets) {
    const previous = shown.get(pr.headSha);
    if (previous === fingerprint || (previous === NEVER_GATED && overdue.length === 0)) continue;
    // Nothing overdue and nothing remembered: gated before Redis lost the fingerprint, or never gated.
    // GitHub knows which; a head that never had a gate check gets none.
    if (previous === undefined && overdue.length === 0 && !(await writes.hasCheckRun(repo, pr.headSha, spec.name))) {
      await deps.gates.remember(location, pr.headSha, NEVER_GATED);
      continue;
    }
    await spendWrites(deps, job.installationId, 1);
    await writes.ensureCheckRun(repo, pr.headSha, spec);
    await deps.gates.remember(location, pr.headSha, fingerprint);
  }
}
