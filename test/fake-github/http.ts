// Replies and the error bodies GitHub sends, so handlers can `throw notFound()` mid-way.

export interface Reply {
  status: number;
  json?: unknown;
  /** sent as text/plain instead of JSON (raw media type) */
  text?: string;
  headers?: Record<string, string>;
  /** the fake does not implement what was asked: recorded so tests can spot the gap */
  unhandled?: boolean;
  /** leave the request unanswered (an injected hang) */
  hang?: boolean;
}

export class ApiError extends Error {
  constructor(readonly reply: Reply) {
    super(`fake-github ${reply.status}`);
  }
}

export const DOCS = "https://docs.github.com/rest";

export function ok(json: unknown, status = 200, headers?: Record<string, string>): Reply {
  return headers ? { status, json, headers } : { status, json };
}

export function noContent(): Reply {
  return { status: 204 };
}

export function errorBody(message: string, status: number, extra: Record<string, unknown> = {}): Reply {
  return { status, json: { message, ...extra, documentation_url: DOCS, status: String(status) } };
}

export function notFound(message = "Not Found"): ApiError {
  return new ApiError(errorBody(message, 404));
}

export function badCredentials(): ApiError {
  return new ApiError(errorBody("Bad credentials", 401));
}

export function forbidden(message = "Resource not accessible by integration"): ApiError {
  return new ApiError(errorBody(message, 403));
}

export interface FieldError {
  resource: string;
  field?: string;
  code: "missing_field" | "missing" | "invalid" | "already_exists" | "unprocessable" | "custom";
  message?: string;
  value?: unknown;
}

export function validationFailed(...errors: FieldError[]): ApiError {
  return new ApiError(errorBody("Validation Failed", 422, { errors }));
}

export function unprocessable(message: string): ApiError {
  return new ApiError(errorBody(message, 422));
}

export const MAX_BODY = 65_536;

/** GitHub's limit on issue and comment bodies. */
export function checkBodyLength(resource: string, body: string | null | undefined): void {
  if (body && body.length > MAX_BODY) {
    throw validationFailed({
      resource, field: "body", code: "custom", message: `body is too long (maximum is ${MAX_BODY} characters)`,
    });
  }
}
