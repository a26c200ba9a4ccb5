// Where a repo's policy comes from, the way Probot apps read config: the repo's own
// `.github/merge-discipline.yml`; with `_extends: <repo>` merged over that repo's file; without a
// repo file, the organisation's `.github` repository. The YAML is merged here, validated elsewhere.
import { parse as parseYaml } from "yaml";
import type { ConfigProblem } from "../domain/policy.js";
import type { GitHubReads, RepoName } from "../github/github-reads.js";

export const CONFIG_PATH = ".github/merge-discipline.yml";

export interface ConfigSource {
  /** The merged YAML object, or {} when no file exists (the documented defaults apply). */
  raw: unknown;
  /** Syntax problems; validation problems come later from the schema. */
  problems: ConfigProblem[];
  /** Blob SHAs of the files read: unchanged id → unchanged policy. */
  sourceId: string;
  /** Files read, as `owner/repo:path`, for messages. */
  files: string[];
}

export async function readConfigSource(github: GitHubReads, repo: RepoName): Promise<ConfigSource> {
  const own = await github.readFile(repo, CONFIG_PATH);
  if (own) {
    const parsed = parseFile(own.text, `${repo.owner}/${repo.repo}`);
    const extendsRepo = extendsTarget(parsed.value, repo);
    if (!extendsRepo) return { raw: parsed.value, problems: parsed.problems, sourceId: own.sha, files: [`${repo.owner}/${repo.repo}:${CONFIG_PATH}`] };
    const base = await github.readFile(extendsRepo, CONFIG_PATH);
    const baseParsed = base ? parseFile(base.text, `${extendsRepo.owner}/${extendsRepo.repo}`) : { value: {}, problems: [] };
    const { _extends: _ignored, ...ownValues } = parsed.value as Record<string, unknown>;
    return {
      raw: deepMerge(baseParsed.value, ownValues),
      problems: [...baseParsed.problems, ...parsed.problems],
      sourceId: `${own.sha}+${base?.sha ?? "none"}`,
      files: [`${repo.owner}/${repo.repo}:${CONFIG_PATH}`, `${extendsRepo.owner}/${extendsRepo.repo}:${CONFIG_PATH}`],
    };
  }
  if (repo.repo === ".github") return { raw: {}, problems: [], sourceId: "defaults", files: [] };
  const orgRepo = { owner: repo.owner, repo: ".github" };
  const org = await github.readFile(orgRepo, CONFIG_PATH);
  if (!org) return { raw: {}, problems: [], sourceId: "defaults", files: [] };
  const parsed = parseFile(org.text, `${repo.owner}/.github`);
  return { raw: parsed.value, problems: parsed.problems, sourceId: `org:${org.sha}`, files: [`${repo.owner}/.github:${CONFIG_PATH}`] };
}

function parseFile(text: string, where: string): { value: unknown; problems: ConfigProblem[] } {
  try {
    const value: unknown = parseYaml(text) ?? {};
    return { value, problems: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] ?? error.message : String(error);
    return { value: {}, problems: [{ path: `(${where})`, message: `not valid YAML: ${message}` }] };
  }
}

/** `_extends: .github` or `_extends: other-repo` (same owner) or `owner/repo`. */
function extendsTarget(value: unknown, repo: RepoName): RepoName | null {
  const target = value && typeof value === "object" ? (value as Record<string, unknown>)._extends : undefined;
  if (typeof target !== "string" || !/^([\w.-]+\/)?[\w.-]+$/.test(target)) return null;
  const [owner, name] = target.includes("/") ? target.split("/") : [repo.owner, target];
  return owner && name ? { owner, repo: name } : null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

/**
 * Maps merge key by key; lists and scalars of the repo file replace the base's. Keys are own data properties
 * only: `__proto__` from a file is a key like any other (a typo the config check reports), never the prototype.
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const below = Object.hasOwn(base, key) ? base[key] : undefined;
    Object.defineProperty(merged, key, { value: deepMerge(below, value), enumerable: true, writable: true, configurable: true });
  }
  return merged;
}
