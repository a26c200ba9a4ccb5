/**
 * GitHub allows an installation 80 content-creating requests per minute and 500 per hour (secondary
 * limits); going past them earns 403s and, when repeated, longer bans. Every process of the app takes
 * slots from one shared budget before it writes, and honours the pause GitHub asks for when it answers
 * with a rate limit anyway.
 */
export interface BudgetLimits {
  perMinute: number;
  perHour: number;
}

export const DEFAULT_BUDGET_LIMITS: BudgetLimits = { perMinute: 80, perHour: 500 };

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export type BudgetAnswer = { granted: true } | { granted: false; retryAt: number };

export interface WriteBudget {
  /**
   * Takes `count` write slots for the installation at `now` (ms epoch), all or none; when refused, says
   * when enough slots free up (or the pause ends, whichever is later). A slot taken at `t` is held until
   * `t + window`.
   */
  acquire(installationId: number, count: number, now: number): Promise<BudgetAnswer>;
  /** GitHub answered with a rate limit: no writes for this installation until `until` (shared by every process). */
  pauseUntil(installationId: number, until: number): Promise<void>;
  pausedUntil(installationId: number, now: number): Promise<number | null>;
  /** Slots held at `now` in the minute and the hour window (for the metrics; takes nothing). */
  used(installationId: number, now: number): Promise<{ minute: number; hour: number }>;
}

export function checkLimits(limits: BudgetLimits): BudgetLimits {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`write budget: ${name} must be a positive integer, got ${value}`);
  }
  return limits;
}

/**
 * A request that can never fit would wait forever; it is a bug in the caller (split the batch), so it
 * fails loudly instead of being refused with a retry time.
 */
export function checkCount(count: number, limits: BudgetLimits): void {
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`write budget: count must be a positive integer, got ${count}`);
  const ceiling = Math.min(limits.perMinute, limits.perHour);
  if (count > ceiling) {
    throw new Error(`write budget: cannot take ${count} slots at once; at most ${ceiling} fit (limits ${limits.perMinute}/min, ${limits.perHour}/h)`);
  }
}

/**
 * When a window holding `taken` (ascending) can take `count` more: once the oldest surplus slots leave it.
 * Returns null when they fit now.
 */
export function windowRetryAt(taken: readonly number[], count: number, limit: number, windowMs: number): number | null {
  const surplus = taken.length + count - limit;
  if (surplus <= 0) return null;
  const freeing = taken[surplus - 1];
  return freeing === undefined ? null : freeing + windowMs;
}
