// failNext(): make the next matching request(s) fail, to exercise retries and error handling.
import { STATUS_CODES } from "node:http";
import { DOCS, type Reply } from "./http.js";

export interface FaultSpec {
  /** "GET", "POST", … or "*"/omitted for any method */
  method?: string;
  /** tested against the decoded path without /api/v3 (GraphQL: "/graphql") */
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** how many matching requests fail; default 1 */
  times?: number;
  /**
   * Never answer: the request is logged (status 0) and left open until the fake closes, like a GitHub
   * that stops responding or a process killed while waiting. `status` is then ignored.
   */
  hang?: boolean;
}

export type FaultPreset = Pick<FaultSpec, "status" | "body" | "headers">;

/** GitHub's secondary rate limit: 403 with retry-after (remaining quota is untouched). */
export function secondaryRateLimit(retryAfterSeconds = 60): FaultPreset {
  return {
    status: 403,
    body: {
      message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE:0000.",
      documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
    },
    headers: { "retry-after": String(retryAfterSeconds) },
  };
}

/** GitHub's primary rate limit: 403 with x-ratelimit-remaining 0 and the reset time (epoch seconds). */
export function primaryRateLimit(resetAt: Date = new Date(Date.now() + 60_000), installationId = 0): FaultPreset {
  return {
    status: 403,
    body: {
      message: `API rate limit exceeded for installation ID ${installationId}.`,
      documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-rate-limits",
    },
    headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.ceil(resetAt.getTime() / 1000)) },
  };
}

function defaultBody(status: number): unknown {
  if (status === 422) return { message: "Validation Failed", errors: [], documentation_url: DOCS, status: "422" };
  if (status === 404) return { message: "Not Found", documentation_url: DOCS, status: "404" };
  return { message: STATUS_CODES[status] ?? "Error", documentation_url: DOCS, status: String(status) };
}

export class FaultQueue {
  private readonly faults: (FaultSpec & { left: number })[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ ...spec, left: spec.times ?? 1 });
  }

  /** The first armed fault matching this request, consumed once. */
  take(method: string, path: string): Reply | undefined {
    const index = this.faults.findIndex((f) => {
      f.path.lastIndex = 0;
      return (f.method === undefined || f.method === "*" || f.method.toUpperCase() === method) && f.path.test(path);
    });
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.faults.splice(index, 1);
    if (fault.hang) return { status: 0, hang: true };
    return { status: fault.status, json: fault.body ?? defaultBody(fault.status), headers: { ...fault.headers } };
  }

  pending(): number {
    return this.faults.reduce((sum, f) => sum + f.left, 0);
  }

  clear(): void {
    this.faults.length = 0;
  }
}
