// GitHub rejects issue bodies over 65,536 characters; the digest stays well under so the caller's hidden
// markers and notes still fit.
export const BODY_LIMIT = 60_000;

/**
 * The largest `shown` in [0, total] whose rendering fits `limit`, found by bisection (rendering is linear,
 * so a 2,000-patch digest renders about a dozen times). Falls back to 0 when even that does not fit.
 */
export function largestFitting(total: number, render: (shown: number) => string, limit = BODY_LIMIT): string {
  const full = render(total);
  if (full.length <= limit) return full;
  let low = 0;
  let high = total - 1;
  let best = render(0);
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const body = render(middle);
    if (body.length <= limit) {
      best = body;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}
