// Which of GitHub's failed webhook deliveries to ask again for. GitHub never redelivers by itself; each
// delivery of one event shares its `guid` (the X-GitHub-Delivery header), so an event is lost only when
// none of its attempts got a 2xx. At most one request per guid, ever: a redelivery that fails again is a
// problem for a person (the app answering 500 on that event), not for a loop.

export interface HookDelivery {
  id: number;
  guid: string;
  /** epoch ms */
  deliveredAt: number;
  redelivery: boolean;
  /** 0 when GitHub could not connect or timed out */
  statusCode: number;
  event: string;
  action: string | null;
  installationId: number | null;
}

export type SkipReason = "delivered" | "asked" | "handled" | "expired";

export interface RedeliveryPlan {
  /** One attempt per lost guid: its newest failed one (GitHub resends the original payload). */
  redeliver: HookDelivery[];
  /** Failed guids left alone, by why. */
  skipped: Record<SkipReason, number>;
}

export const succeeded = (d: Pick<HookDelivery, "statusCode">): boolean => d.statusCode >= 200 && d.statusCode < 300;

export function planRedeliveries(input: {
  deliveries: readonly HookDelivery[];
  /** guids already asked for (by this app, within the window) */
  asked: ReadonlySet<string>;
  /** guids the app itself handled, whatever GitHub recorded (it answered after GitHub's timeout) */
  handled: ReadonlySet<string>;
  now: number;
  /** GitHub redelivers attempts no older than this: 3 days on github.com, 7 on GHES */
  windowMs: number;
}): RedeliveryPlan {
  const byGuid = new Map<string, HookDelivery[]>();
  for (const d of input.deliveries) byGuid.set(d.guid, [...(byGuid.get(d.guid) ?? []), d]);
  const skipped: Record<SkipReason, number> = { delivered: 0, asked: 0, handled: 0, expired: 0 };
  const redeliver: HookDelivery[] = [];
  for (const [guid, attempts] of byGuid) {
    const failed = attempts.filter((d) => !succeeded(d));
    if (failed.length === 0) continue;
    const newest = failed.reduce((a, b) => (b.deliveredAt > a.deliveredAt || (b.deliveredAt === a.deliveredAt && b.id > a.id) ? b : a));
    const reason: SkipReason | null = attempts.some(succeeded)
      ? "delivered"
      : input.asked.has(guid)
        ? "asked"
        : input.handled.has(guid)
          ? "handled"
          : newest.deliveredAt < input.now - input.windowMs
            ? "expired"
            : null;
    if (reason) skipped[reason] += 1;
    else redeliver.push(newest);
  }
  // Oldest first: the order the events happened in, as far as the app can keep it.
  redeliver.sort((a, b) => a.deliveredAt - b.deliveredAt || a.id - b.id);
  return { redeliver, skipped };
}

/** The guids worth looking up in the app's own delivery log: those with no 2xx attempt. */
export function failedGuids(deliveries: readonly HookDelivery[]): string[] {
  const ok = new Set(deliveries.filter(succeeded).map((d) => d.guid));
  return [...new Set(deliveries.filter((d) => !succeeded(d) && !ok.has(d.guid)).map((d) => d.guid))];
}

/** GitHub's window for redelivery. */
export function redeliveryWindowMs(enterpriseServer: boolean): number {
  return (enterpriseServer ? 7 : 3) * 24 * 3600_000;
}
