// Every request the fake answered, for assertions on what the app did and what it cost.
import { isMutation } from "./graphql.js";

export interface RequestRecord {
  method: string;
  /** without /api/v3 and percent-decoded; GraphQL is "/graphql" */
  path: string;
  query: Record<string, string>;
  /** parsed JSON body, or null */
  body: unknown;
  /** from the installation token; null for JWT (app) calls and unauthenticated ones */
  installationId: number | null;
  /** 0 while unanswered (an injected hang) */
  status: number;
  /** wall-clock time of the request (not the fake clock) */
  at: Date;
  /** the fake does not implement this endpoint or GraphQL field */
  unhandled: boolean;
  /** answered by failNext() */
  injected: boolean;
}

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);
const TOKEN_EXCHANGE = /^\/app\/installations\/[^/]+\/access_tokens$/;

export function isWrite(record: RequestRecord): boolean {
  if (!WRITE_METHODS.has(record.method)) return false;
  // Minting a token writes nothing on GitHub and its count depends on token caching.
  if (TOKEN_EXCHANGE.test(record.path)) return false;
  // GraphQL is always POST; only mutations write.
  if (record.path === "/graphql") return isMutation(record.body);
  return true;
}

export class RequestLog {
  readonly records: RequestRecord[] = [];

  add(record: RequestRecord): void {
    this.records.push(record);
  }

  matching(method: string, path: RegExp): RequestRecord[] {
    return this.records.filter((r) => {
      path.lastIndex = 0; // a /g regexp would otherwise alternate between matches
      return (method === "*" || r.method === method.toUpperCase()) && path.test(r.path);
    });
  }

  writeCount(opts: { succeededOnly?: boolean } = {}): number {
    return this.records.filter((r) => isWrite(r) && (!opts.succeededOnly || (r.status > 0 && r.status < 400))).length;
  }

  reset(): void {
    this.records.length = 0;
  }
}
