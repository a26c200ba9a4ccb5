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
import type { WorkerDeps } from "./worker-deps.js";

const DAY = 86_400_000;

export async function applyGate(deps: WorkerDeps, job: { installationId: number; repoId: number; repo: string }): Promise<void> {
  const location = { installationId: job.installationId, repoId: job.repoId };
  const policy = await currentPolicy(deps, { location, repo: job.repo });
  const gateOn = policy.enabled && policy.gate.mode !== "off";
  const overdue = gateOn ? await overdueSecurityFixes(deps, location, job.repo, policy) : [];
  const shown = await deps.gates.shown(location);
  if (overdue.length === 0 && shown.size === 0) return; // never gated: nothing to show or flip back
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
    if (previous === fingerprint || (previous === undefined && overdue.length === 0)) continue;
    await spendWrites(deps, job.installationId, 1);
    await writes.ensureCheckRun(repo, pr.headSha, spec);
    await deps.gates.remember(location, pr.headSha, fingerprint);
  }
}
