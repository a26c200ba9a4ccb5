// Links to GitHub's web pages, on the host the app talks to: github.com, or a GitHub Enterprise Server.

export const GITHUB_WEB_URL = "https://github.com";

/** `GHE_HOST`/`GHE_PROTOCOL` (as Probot reads them) name a GHES; its web pages are on the same host. */
export function webUrlOf(env: { GHE_HOST?: string; GHE_PROTOCOL?: string }): string {
  const host = env.GHE_HOST?.trim().replace(/\/+$/, "");
  if (!host) return GITHUB_WEB_URL;
  return `${env.GHE_PROTOCOL?.trim() || "https"}://${host}`;
}

/** Built from a repo name the caller has checked and the alert's number, never from a URL taken from elsewhere. */
export const alertUrl = (webUrl: string, repo: string, alertNumber: number): string => `${webUrl}/${repo}/security/dependabot/${alertNumber}`;
