// Small builders for bot PRs in the fake GitHub, so scenarios read like what happened on GitHub.
import type { FakeGitHub, PullRecord, PullInit } from "../fake-github/index.js";

export const DEPENDABOT = { login: "dependabot[bot]", id: 49699333, type: "Bot" as const };
export const RENOVATE = { login: "renovate[bot]", id: 29139614, type: "Bot" as const };

export function openPullRequest(fake: FakeGitHub, repo: string, init: PullInit & { at: string }): PullRecord {
  fake.setNow(init.at);
  return fake.addPullRequest(repo, { created_at: init.at, updated_at: init.at, ...init });
}

export function mergePullRequest(pr: PullRecord, at: string): void {
  Object.assign(pr, { state: "closed", merged: true, merged_at: at, closed_at: at, updated_at: at });
}

export function closePullRequest(pr: PullRecord, at: string): void {
  Object.assign(pr, { state: "closed", merged: false, closed_at: at, updated_at: at });
}

/** The body of a Renovate security update for a high-severity axios advisory. */
export const RENOVATE_SECURITY_BODY = `| Package | Change |
|---|---|
| [axios](https://axios-http.com) | [\`1.6.0\` -> \`1.6.8\`](https://renovatebot.com/diffs/npm/axios/1.6.0/1.6.8) |

### GitHub Vulnerability Alerts

#### [CVE-2024-39338](https://nvd.nist.gov/vuln/detail/CVE-2024-39338)

#### Severity
- CVSS Score: 7.5 / 10 (High)
`;
