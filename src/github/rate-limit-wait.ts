/**
 * Reads a failed Octokit request (a `RequestError`: `status`, `message`, `response.headers`) the way
 * GitHub's rate-limit docs ask clients to: honour `retry-after`; when `x-ratelimit-remaining` is 0 wait
 * for `x-ratelimit-reset`; otherwise wait at least a minute. Duck-typed, so errors from any copy of
 * @octokit/request-error (Probot and @octokit/rest may each bring one) are understood.
 */
const DEFAULT_WAIT_MS = 60_000;

// "abuse" is the wording GitHub used for secondary limits before renaming them; Octokit's throttling
// plugin still matches both.
const SECONDARY_MESSAGE = /secondary rate limit|abuse detection/i;

type Headers = Record<string, unknown>;

function header(headers: Headers, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && (typeof value === "string" || typeof value === "number")) return String(value).trim();
  }
  return undefined;
}

/** `retry-after` is seconds from GitHub, but HTTP also allows a date. */
function retryAfterAt(value: string | undefined, now: number): number | null {
  if (value === undefined || value === "") return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return now + Math.max(0, seconds) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(now, date);
}

function resetAt(headers: Headers, now: number): number | null {
  if (header(headers, "x-ratelimit-remaining") !== "0") return null;
  const reset = Number(header(headers, "x-ratelimit-reset"));
  // Without a reset time, the docs' fallback of one minute applies.
  return Number.isFinite(reset) && reset > 0 ? Math.max(now, reset * 1000) : now + DEFAULT_WAIT_MS;
}

function fields(error: unknown): { status: number; message: string; headers: Headers } | null {
  if (typeof error !== "object" || error === null) return null;
  const { status, message, response } = error as { status?: unknown; message?: unknown; response?: unknown };
  if (typeof status !== "number") return null;
  const rawHeaders = typeof response === "object" && response !== null ? (response as { headers?: unknown }).headers : undefined;
  const headers = typeof rawHeaders === "object" && rawHeaders !== null ? (rawHeaders as Headers) : {};
  return { status, message: typeof message === "string" ? message : "", headers };
}

/** The ms epoch when writing is safe again after a rate-limit answer; null when `error` is not one. Never throws. */
export function rateLimitWait(error: unknown, now: number): number | null {
  try {
    const e = fields(error);
    if (!e || (e.status !== 403 && e.status !== 429)) return null;
    const waits = [retryAfterAt(header(e.headers, "retry-after"), now), resetAt(e.headers, now)].filter((t): t is number => t !== null);
    if (waits.length > 0) return Math.max(...waits);
    if (e.status === 429 || SECONDARY_MESSAGE.test(e.message)) return now + DEFAULT_WAIT_MS;
    return null;
  } catch {
    // A hostile getter on a foreign error must not turn a failed write into a crash of the worker.
    return null;
  }
}
