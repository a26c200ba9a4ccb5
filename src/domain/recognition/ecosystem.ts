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

/** Renovate's "Type" column: only the values that belong to a single ecosystem. */
const DEP_TYPES: Record<string, Ecosystem> = {
  action: "github-actions",
  nuget: "nuget",
  "require-dev": "composer",
  "workspace.dependencies": "cargo",
  "build-dependencies": "cargo",
  indirect: "gomod",
  golang: "gomod",
  toolchain: "gomod",
  "install_requires": "pip",
  "project.dependencies": "pip",
  "tool.poetry.dependencies": "pip",
};

/**
 * `require` is both Composer's and go.mod's: a Go module path starts with a host (`github.com/…`,
 * `golang.org/x/…`), a Composer name never has a dot in its vendor.
 */
export function ecosystemFromRenovateDepType(depType: string, name = ""): Ecosystem | null {
  const type = depType.trim().toLowerCase();
  if (type === "require") return /^[^/]*\.[^/]*\//.test(name) ? "gomod" : name.includes("/") ? "composer" : null;
  return DEP_TYPES[type] ?? null;
}

/** Renovate managers an `additionalBranchPrefix` of `{{manager}}-` puts first in the branch ("renovate/cargo-…"). */
const RENOVATE_MANAGERS: Record<string, Ecosystem> = {
  gomod: "gomod",
  cargo: "cargo",
  nuget: "nuget",
  helmv3: "helm",
  "helm-values": "helm",
  dockerfile: "docker",
  "docker-compose": "docker",
  docker: "docker",
  "github-actions": "github-actions",
  "pip_requirements": "pip",
  "pip-compile": "pip",
  pipenv: "pip",
  poetry: "pip",
  terraform: "terraform",
  maven: "maven",
  gradle: "gradle",
  composer: "composer",
  bundler: "bundler",
  pub: "pub",
  mix: "hex",
};
const MANAGER_BRANCH = new RegExp(`^renovate/(${Object.keys(RENOVATE_MANAGERS).join("|")})-.`);

/**
 * Renovate's branch: a `{{manager}}-` prefix, or a sanitised Go module path (`github.com-x-y-1.x`, what
 * `depNameSanitized` makes of `github.com/x/y`).
 */
export function ecosystemFromRenovateBranch(headRef: string): Ecosystem | null {
  const manager = MANAGER_BRANCH.exec(headRef)?.[1];
  if (manager) return RENOVATE_MANAGERS[manager] ?? null;
  if (/^renovate\/(?:[^/]+\/)?(?:github\.com|golang\.org|gopkg\.in|go\.uber\.org|google\.golang\.org|k8s\.io|sigs\.k8s\.io|go\.opentelemetry\.io)-/.test(headRef)) return "gomod";
  return null;
}
