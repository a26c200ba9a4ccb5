// Every use case takes its GitHub writes from the installation's budget through here. Work that writes
// nothing (an acknowledgement, a reply already posted) never asks: the budget rightly treats a request
// for no slots as a caller's bug.
import { RetryLater } from "../queue/retry-later.js";
import type { WorkerDeps } from "./worker-deps.js";

/** Takes `count` write slots now, or throws RetryLater with the time they free up. */
export async function spendWrites(deps: Pick<WorkerDeps, "budget" | "now">, installationId: number, count: number): Promise<void> {
  if (count === 0) return;
  const answer = await deps.budget.acquire(installationId, count, deps.now());
  if (!answer.granted) throw new RetryLater(answer.retryAt, "write budget");
}
