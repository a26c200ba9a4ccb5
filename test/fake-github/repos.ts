// GET /repos/{o}/{r} and repository contents (files by path and ref, raw or base64 JSON).
import { createHash } from "node:crypto";
import { notFound, ok, type Reply } from "./http.js";
import { repoRoute, type RepoCtx, type Route } from "./router.js";
import { paginated } from "./pagination.js";
import { repoJson, repoUrls } from "./serialize.js";
import type { FakeState } from "./state.js";
import type { RepoRecord } from "./types.js";

/** Writes a file; on the default branch it also records a commit, whose sha is returned. */
export function setFileOn(state: FakeState, repo: RepoRecord, path: string, content: string, ref?: string): string {
  const key = ref ?? repo.default_branch;
  const files = repo.files.get(key) ?? new Map<string, string>();
  const clean = path.replace(/^\/+/, "");
  files.set(clean, content);
  repo.files.set(key, files);
  const sha = createHash("sha1").update(`commit ${repo.fileCommits.length} ${clean} ${content}`).digest("hex");
  if (key === repo.default_branch) {
    repo.fileCommits.push({ sha, path: clean, date: state.now().toISOString() });
    repo.branches.set(repo.default_branch, sha);
  }
  return sha;
}

function listCommits(ctx: RepoCtx): Reply {
  const path = ctx.query.get("path")?.replace(/^\/+/, "");
  const commits = ctx.repo.fileCommits.filter((c) => !path || c.path === path).reverse();
  return paginated(ctx, commits, (c) => ({
    sha: c.sha,
    commit: { message: `Update ${c.path}`, author: { name: "octocat", date: c.date }, committer: { name: "octocat", date: c.date } },
  }));
}

function isKnownRef(repo: RepoRecord, ref: string): boolean {
  if (repo.files.has(ref) || repo.branches.has(ref)) return true;
  if ([...repo.branches.values()].includes(ref)) return true;
  if (repo.fileCommits.some((c) => c.sha === ref)) return true;
  return [...repo.issues.values()].some((i) => i.kind === "pull" && i.commits.some((c) => c.sha === ref));
}

/** A branch sees the default branch's files plus its own, like a branch cut from the default one. */
function filesAt(repo: RepoRecord, ref: string | null): Map<string, string> {
  const base = repo.files.get(repo.default_branch) ?? new Map<string, string>();
  if (ref === null || ref === repo.default_branch) return base;
  if (!isKnownRef(repo, ref)) throw notFound(`No commit found for the ref ${ref}`);
  return new Map([...base, ...(repo.files.get(ref) ?? new Map<string, string>())]);
}

export function blobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

function entryJson(state: FakeState, repo: RepoRecord, ref: string, path: string, type: "file" | "dir", content: string | null): Record<string, unknown> {
  const { api, web } = repoUrls(state, repo);
  const sha = type === "file" ? blobSha(content ?? "") : blobSha(`tree:${path}`);
  const url = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${api}/git/${type === "file" ? "blobs" : "trees"}/${sha}`;
  const htmlUrl = `${web}/${type === "file" ? "blob" : "tree"}/${ref}/${path}`;
  return {
    type,
    name: path.split("/").pop() ?? path,
    path,
    sha,
    size: type === "file" ? Buffer.byteLength(content ?? "", "utf8") : 0,
    url,
    html_url: htmlUrl,
    git_url: gitUrl,
    download_url: type === "file" ? `${web}/raw/${ref}/${path}` : null,
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
}

/** GitHub wraps base64 content at 60 characters; decoders must cope with the newlines. */
function wrappedBase64(content: string): string {
  return (Buffer.from(content, "utf8").toString("base64").match(/.{1,60}/g) ?? []).join("\n") + "\n";
}

function wantsRaw(ctx: RepoCtx): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(String(ctx.headers.accept ?? ""));
}

function getContents(ctx: RepoCtx, rawPath: string): Reply {
  const path = rawPath.replace(/^\/+|\/+$/g, "");
  const ref = ctx.query.get("ref");
  const files = filesAt(ctx.repo, ref);
  const refName = ref ?? ctx.repo.default_branch;
  const content = path === "" ? undefined : files.get(path);
  if (content !== undefined) {
    if (wantsRaw(ctx)) return { status: 200, text: content };
    return ok({ ...entryJson(ctx.state, ctx.repo, refName, path, "file", content), content: wrappedBase64(content), encoding: "base64" });
  }
  // A directory answers with its entries (JSON even for the raw media type, as GitHub does).
  const prefix = path === "" ? "" : `${path}/`;
  const children = new Map<string, "file" | "dir">();
  for (const filePath of files.keys()) {
    if (!filePath.startsWith(prefix)) continue;
    const [head = "", ...rest] = filePath.slice(prefix.length).split("/");
    children.set(head, rest.length > 0 ? "dir" : "file");
  }
  if (children.size === 0 && path !== "") throw notFound();
  const entries = [...children].sort(([a], [b]) => a.localeCompare(b)).map(([name, type]) =>
    entryJson(ctx.state, ctx.repo, refName, `${prefix}${name}`, type, type === "file" ? (files.get(`${prefix}${name}`) ?? "") : null));
  return ok(entries);
}

export const repoRoutes: Route[] = [
  repoRoute("GET", "", "metadata:read", (ctx) => ok(repoJson(ctx.state, ctx.repo, true))),
  repoRoute("GET", "/contents", "contents:read", (ctx) => getContents(ctx, "")),
  repoRoute("GET", "/commits", "contents:read", listCommits),
  repoRoute("GET", "/contents/*path", "contents:read", (ctx) => getContents(ctx, ctx.params["path"] ?? "")),
];
