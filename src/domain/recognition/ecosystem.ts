// Canonical ecosystem ids (Dependabot's `package-ecosystem` names, de-aliased) from what each bot prints.
import type { Ecosystem } from "../types.js";

/** Dependabot's branch segment is its internal package-manager name, not the config's ecosystem name. */
const DEPENDABOT_SEGMENTS: Record<string, Ecosystem> = {
  npm_and_yarn: "npm",
  bun: "npm",
  pip: "pip",
  uv: "pip",
  bundler: "bundler",
  maven: "maven",
  gradle: "gradle",
  go_modules: "gomod",
  cargo: "cargo",
  composer: "composer",
  nuget: "nuget",
  docker: "docker",
  docker_compose: "docker",
  github_actions: "github-actions",
  terraform: "terraform",
  submodules: "gitsubmodule",
  hex: "hex",
  pub: "pub",
  swift: "swift",
  elm: "elm",
  helm: "helm",
  devcontainers: "devcontainers",
};

export const KNOWN_DEPENDABOT_SEGMENTS: readonly string[] = Object.keys(DEPENDABOT_SEGMENTS);

/**
 * Newer managers (dotnet_sdk, rust_toolchain, bazel, …) are passed through with `-` for `_`: still better than
 * null, and stable enough to group by.
 */
export function ecosystemFromDependabotSegment(segment: string): Ecosystem | null {
  const key = segment.toLowerCase();
  if (!/^[a-z][a-z0-9_]*$/.test(key)) return null;
  return DEPENDABOT_SEGMENTS[key] ?? key.replace(/_/g, "-");
}

/** Renovate datasource ids. Generic git/GitHub tag sources say nothing about the ecosystem, so they map to null. */
const RENOVATE_DATASOURCES: Record<string, Ecosystem> = {
  npm: "npm",
  pypi: "pip",
  rubygems: "bundler",
  maven: "maven",
  "gradle-version": "gradle",
  go: "gomod",
  crate: "cargo",
  packagist: "composer",
  nuget: "nuget",
  docker: "docker",
  hex: "hex",
  dart: "pub",
  helm: "helm",
  "terraform-provider": "terraform",
  "terraform-module": "terraform",
  "git-submodules": "gitsubmodule",
  conda: "conda",
};

export const KNOWN_RENOVATE_DATASOURCES: readonly string[] = Object.keys(RENOVATE_DATASOURCES);

export function ecosystemFromRenovateDatasource(datasource: string): Ecosystem | null {
  return RENOVATE_DATASOURCES[datasource.toLowerCase()] ?? null;
}

/** Renovate's per-manager commit topics ("module x", "Rust crate x", "x Docker tag", …). */
const TITLE_WORDS: Array<[RegExp, Ecosystem]> = [
  [/^module\s/i, "gomod"],
  [/^rust crate\s/i, "cargo"],
  [/\sdocker(?: tag| digest)?$/i, "docker"],
  [/\saction$/i, "github-actions"],
  [/^helm release\s|\shelm releases$/i, "helm"],
  [/^terraform\s/i, "terraform"],
];

export function ecosystemFromRenovateTopic(topic: string): Ecosystem | null {
  for (const [pattern, ecosystem] of TITLE_WORDS) if (pattern.test(topic)) return ecosystem;
  return null;
}

/** Renovate's "Type" column: only the values that belong to a single ecosystem. */
const DEP_TYPES: Record<string, Ecosystem> = {
  action: "github-actions",
  require: "composer",
  "require-dev": "composer",
  "workspace.dependencies": "cargo",
};

export function ecosystemFromRenovateDepType(depType: string): Ecosystem | null {
  return DEP_TYPES[depType.trim().toLowerCase()] ?? null;
}
