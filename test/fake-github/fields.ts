// Reading untyped JSON request bodies without `any`, failing the way GitHub does.
import { validationFailed } from "./http.js";

export type Json = Record<string, unknown>;

export function asJson(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

export function has(body: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(body, key);
}

export function str(body: Json, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" ? value : undefined;
}

/** For fields where an explicit `null` means "clear it". */
export function strOrNull(body: Json, key: string, resource: string): string | null | undefined {
  const value = body[key];
  if (value === undefined || value === null || typeof value === "string") return value;
  throw validationFailed({ resource, field: key, code: "invalid", value });
}

export function requireStr(body: Json, key: string, resource: string): string {
  const value = body[key];
  if (typeof value === "string" && value.length > 0) return value;
  if (value === undefined || value === null || value === "") {
    throw validationFailed({ resource, field: key, code: "missing_field" });
  }
  throw validationFailed({ resource, field: key, code: "invalid", value });
}

export function bool(body: Json, key: string): boolean | undefined {
  const value = body[key];
  return typeof value === "boolean" ? value : undefined;
}

/** Label and assignee lists arrive as strings or as `{ name }` objects. */
export function names(value: unknown, resource: string, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw validationFailed({ resource, field, code: "invalid", value });
  return value.map((item) => {
    if (typeof item === "string") return item;
    const name = asJson(item)["name"];
    if (typeof name === "string") return name;
    throw validationFailed({ resource, field, code: "invalid", value: item });
  });
}

export function oneOf<T extends string>(
  body: Json, key: string, allowed: readonly T[], resource: string,
): T | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw validationFailed({ resource, field: key, code: "invalid", value });
}
