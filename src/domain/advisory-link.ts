// Advisory ids become links only to GitHub's and NVD's own pages, never to a URL taken from a PR.
import { GITHUB_WEB_URL } from "./web-links.js";

/** Links only to GitHub's and NVD's own pages, rebuilt from ids that match their published formats. */
export function advisoryLink(id: string, webUrl: string = GITHUB_WEB_URL): string | null {
  const ghsa = /^GHSA((?:-[23456789cfghjmpqrvwx]{4}){3})$/i.exec(id.trim());
  if (ghsa) {
    const canonical = `GHSA${(ghsa[1] ?? "").toLowerCase()}`;
    return `[${canonical}](${webUrl}/advisories/${canonical})`;
  }
  const cve = /^CVE-(\d{4})-(\d{4,7})$/i.exec(id.trim());
  if (cve) {
    const canonical = `CVE-${cve[1] ?? ""}-${cve[2] ?? ""}`;
    return `[${canonical}](https://nvd.nist.gov/vuln/detail/${canonical})`;
  }
  return null;
}
