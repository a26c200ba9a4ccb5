// Registry links in a bot's own text say which ecosystem a package comes from when nothing else does:
// Renovate links each package to its registry page (nuget.org, crates.io, the Terraform registry, …).
import type { Ecosystem } from "../types.js";

const REGISTRY_LINKS: Array<[RegExp, Ecosystem]> = [
  [/https?:\/\/(?:www\.)?nuget\.org\/packages\//gi, "nuget"],
  [/https?:\/\/crates\.io\/crates\//gi, "cargo"],
  [/https?:\/\/registry\.terraform\.io\/(?:providers|modules)\//gi, "terraform"],
  [/https?:\/\/artifacthub\.io\/packages\/helm\//gi, "helm"],
  [/https?:\/\/hub\.docker\.com\/(?:r|_)\//gi, "docker"],
  [/https?:\/\/pypi\.org\/project\//gi, "pip"],
  [/https?:\/\/(?:www\.)?npmjs\.com\/package\//gi, "npm"],
  [/https?:\/\/rubygems\.org\/gems\//gi, "bundler"],
  [/https?:\/\/packagist\.org\/packages\//gi, "composer"],
  [/https?:\/\/pkg\.go\.dev\//gi, "gomod"],
  [/https?:\/\/pub\.dev\/packages\//gi, "pub"],
  [/https?:\/\/hex\.pm\/packages\//gi, "hex"],
  [/https?:\/\/(?:search\.maven\.org|central\.sonatype\.com|mvnrepository\.com)\//gi, "maven"],
  [/https?:\/\/plugins\.gradle\.org\/plugin\//gi, "gradle"],
];

export function ecosystemsFromLinks(text: string): Ecosystem[] {
  const found: Array<{ at: number; ecosystem: Ecosystem }> = [];
  for (const [pattern, ecosystem] of REGISTRY_LINKS) {
    for (const match of text.matchAll(pattern)) found.push({ at: match.index, ecosystem });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((entry) => entry.ecosystem))];
}

// Hosts of container registries: an image name starting with one is a Docker image, not a Go module.
const REGISTRY_HOSTS = /^(?:[a-z0-9-]+\.)*(?:ghcr\.io|quay\.io|docker\.io|gcr\.io|pkg\.dev|registry\.k8s\.io|mcr\.microsoft\.com|public\.ecr\.aws|azurecr\.io|amazonaws\.com|registry\.gitlab\.com)\//i;

/**
 * What a package's name alone says: `group:artifact` is Maven's coordinate; a path whose first segment is a
 * host (`github.com/x/y`, `golang.org/x/net`, `go.uber.org/zap`) is a Go module, unless the host is a container
 * registry; `vendor/package` without a host is left open (Composer, GitHub Actions and npm scopes look alike).
 */
export function ecosystemFromPackageName(name: string): Ecosystem | null {
  if (/^[a-z0-9_-]+(?:\.[a-z0-9_-]+)+:[\w.-]+$/i.test(name)) return "maven";
  if (REGISTRY_HOSTS.test(name)) return "docker";
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S/i.test(name)) return "gomod";
  return null;
}
