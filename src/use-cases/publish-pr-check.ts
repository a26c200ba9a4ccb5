// The "merge-discipline" check on a PR's head: rendered purely, written only when what it shows changed
// (a fingerprint per head SHA in Redis), so an unchanged check costs no API call at all.
import { createHash } from "node:crypto";
import { renderPrCheck, type PrCheckInput } from "../domain/check-run/render-pr-check.js";
import { splitFullName } from "../github/github-reads.js";
import { spendWrites } from "./spend-writes.js";
import type { PrState } from "../store/pr-state-store.js";
import type { WorkerDeps } from "./worker-deps.js";

export async function publishPrCheck(deps: WorkerDeps, input: PrCheckInput, state: PrState): Promise<void> {
  const { record } = input;
  const spec = renderPrCheck({ ...input, webUrl: deps.webUrl });
  const fingerprint = createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 24);
  if (state.check?.sha === record.headSha && state.check.fingerprint === fingerprint) return;
  await spendWrites(deps, record.installationId, 1);
  const writes = await deps.writes(record.installationId);
  await writes.ensureCheckRun(splitFullName(record.repo), record.headSha, spec);
  await deps.prStates.set(record, "check", { sha: record.headSha, fingerprint });
}
