import {
  checkCount, checkLimits, DEFAULT_BUDGET_LIMITS, HOUR_MS, MINUTE_MS, windowRetryAt,
  type BudgetAnswer, type BudgetLimits, type WriteBudget,
} from "./write-budget.js";

/** The Redis budget's rules for one process: unit tests and dry runs. */
export class MemoryWriteBudget implements WriteBudget {
  private readonly limits: BudgetLimits;
  /** Slot times per installation, ascending, trimmed to the last hour. */
  private readonly taken = new Map<number, number[]>();
  private readonly pauses = new Map<number, number>();

  constructor(limits: BudgetLimits = DEFAULT_BUDGET_LIMITS) {
    this.limits = checkLimits({ ...limits });
  }

  async acquire(installationId: number, count: number, now: number): Promise<BudgetAnswer> {
    checkCount(count, this.limits);
    const at = Math.floor(now);
    const hour = (this.taken.get(installationId) ?? []).filter((t) => t > at - HOUR_MS);
    this.taken.set(installationId, hour);
    const minute = hour.filter((t) => t > at - MINUTE_MS);
    const paused = this.pauses.get(installationId);
    const waits = [
      paused !== undefined && paused > at ? paused : null,
      windowRetryAt(minute, count, this.limits.perMinute, MINUTE_MS),
      windowRetryAt(hour, count, this.limits.perHour, HOUR_MS),
    ].filter((t): t is number => t !== null);
    if (waits.length > 0) return { granted: false, retryAt: Math.max(...waits) };
    for (let i = 0; i < count; i++) hour.push(at);
    // A caller's clock may run behind another's; keep the order windowRetryAt relies on.
    hour.sort((a, b) => a - b);
    return { granted: true };
  }

  async pauseUntil(installationId: number, until: number): Promise<void> {
    // A short pause reported late must not cut a longer one short.
    const at = Math.ceil(until);
    this.pauses.set(installationId, Math.max(at, this.pauses.get(installationId) ?? at));
  }

  async used(installationId: number, now: number): Promise<{ minute: number; hour: number }> {
    const taken = this.taken.get(installationId) ?? [];
    return { minute: taken.filter((t) => t > now - MINUTE_MS).length, hour: taken.filter((t) => t > now - HOUR_MS).length };
  }

  async pausedUntil(installationId: number, now: number): Promise<number | null> {
    const until = this.pauses.get(installationId);
    return until !== undefined && until > now ? until : null;
  }
}
