// Primary rate-limit accounting per caller, reported in x-ratelimit-* headers on every response.
import { ok } from "./http.js";
import { publicRoute, type Caller, type Route } from "./router.js";

interface Bucket {
  limit: number;
  used: number;
  /** epoch seconds, wall clock: clients compare it with Date.now() */
  reset: number;
}

export function callerKey(caller: Caller): string {
  return caller.kind === "installation" ? `installation:${caller.installationId}` : caller.kind === "app" ? "app" : "anonymous";
}

export class RateLimits {
  private readonly buckets = new Map<string, Bucket>();

  private bucket(key: string): Bucket {
    const now = Math.floor(Date.now() / 1000);
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.reset <= now) {
      bucket = { limit: bucket?.limit ?? (key === "anonymous" ? 60 : 5000), used: 0, reset: now + 3600 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  exhausted(key: string): boolean {
    const b = this.bucket(key);
    return b.used >= b.limit;
  }

  count(key: string): void {
    const b = this.bucket(key);
    b.used = Math.min(b.limit, b.used + 1);
  }

  set(key: string, opts: { limit?: number; remaining?: number }): void {
    const b = this.bucket(key);
    if (opts.limit !== undefined) b.limit = opts.limit;
    if (opts.remaining !== undefined) b.used = Math.max(0, b.limit - opts.remaining);
  }

  snapshot(key: string): { limit: number; remaining: number; reset: number; used: number } {
    const b = this.bucket(key);
    return { limit: b.limit, remaining: b.limit - b.used, reset: b.reset, used: b.used };
  }

  headers(key: string, resource: string): Record<string, string> {
    const s = this.snapshot(key);
    return {
      "x-ratelimit-limit": String(s.limit), "x-ratelimit-remaining": String(s.remaining),
      "x-ratelimit-reset": String(s.reset), "x-ratelimit-used": String(s.used), "x-ratelimit-resource": resource,
    };
  }
}

export function rateLimitRoutes(limits: RateLimits): Route[] {
  return [publicRoute("GET", "/rate_limit", (ctx) => {
    // Asking for the rate limit does not count against it, as on GitHub.
    const core = limits.snapshot(callerKey(ctx.caller));
    return ok({ resources: { core, graphql: core, search: { ...core, limit: 30, remaining: 30, used: 0 } }, rate: core });
  })];
}
