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
