// page/per_page pagination with GitHub's Link header, which Octokit's paginate() follows.
import { ok, validationFailed, type Reply } from "./http.js";
import type { Ctx } from "./router.js";
import { toTimestamp } from "./state.js";

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : fallback;
}

export function perPage(ctx: Ctx, max = 100): number {
  return Math.min(positiveInt(ctx.query.get("per_page"), 30), max);
}

/** `<url>; rel="…"` entries pointing back at the same path with one query parameter changed. */
export function linkHeader(ctx: Ctx, links: { rel: string; set: Record<string, string> }[]): Record<string, string> {
  if (links.length === 0) return {};
  const parts = links.map(({ rel, set }) => {
    const query = new URLSearchParams(ctx.query);
    for (const [key, value] of Object.entries(set)) query.set(key, value);
    return `<${ctx.state.config.apiUrl}${ctx.rawPath}?${query.toString()}>; rel="${rel}"`;
  });
  return { link: parts.join(", ") };
}

export function pageOf<T>(ctx: Ctx, all: readonly T[], max = 100): Page<T> {
  const size = perPage(ctx, max);
  const page = positiveInt(ctx.query.get("page"), 1);
  const last = Math.max(1, Math.ceil(all.length / size));
  const items = all.slice((page - 1) * size, page * size);
  const links: { rel: string; set: Record<string, string> }[] = [];
  if (page > 1) links.push({ rel: "prev", set: { page: String(Math.min(page - 1, last)) } });
  if (page < last) links.push({ rel: "next", set: { page: String(page + 1) } });
  if (page < last) links.push({ rel: "last", set: { page: String(last) } });
  if (page > 1) links.push({ rel: "first", set: { page: "1" } });
  return { items, headers: linkHeader(ctx, links) };
}

export function paginated<T>(ctx: Ctx, all: readonly T[], render: (item: T) => unknown, max = 100): Reply {
  const page = pageOf(ctx, all, max);
  return ok(page.items.map(render), 200, page.headers);
}

/** GitHub's list sort: `direction` defaults to desc, ties broken by id/number so pages are stable. */
export function sortBy<T>(items: T[], key: (item: T) => string | number, direction: string | null, fallback: "asc" | "desc"): T[] {
  const sign = (direction ?? fallback) === "asc" ? 1 : -1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -sign : ka > kb ? sign : 0;
  });
}

/** `since` as a stored-format timestamp, so string comparison orders correctly (".000Z" vs "Z"). */
export function sinceParam(ctx: Ctx): string | null {
  const value = ctx.query.get("since");
  if (value === null) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw validationFailed({ resource: "Search", field: "since", code: "invalid", value });
  return toTimestamp(date);
}
