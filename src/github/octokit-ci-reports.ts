// Everything GitHub reports about a commit's CI, read through a Probot installation Octokit: check runs
// (newest per name), the combined commit status (newest per context), and the contexts the base branch
// requires — from classic branch protection and from rulesets, the two places GitHub keeps them.
import type { ProbotOctokit } from "probot";
import type { CiReports, CiRun, CiStatus, RequiredCheck } from "../domain/ci-state.js";
import type { RepoName } from "./github-reads.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

const statusOf = (error: unknown): number | undefined => (error as { status?: number }).status;

/** Null when the commit statuses cannot be read: CI is then not known. */
export async function readCiReports(octokit: Octokit, repo: RepoName, sha: string, baseRef: string): Promise<Omit<CiReports, "ownApp"> | null> {
  const [runs, statuses, required] = await Promise.all([checkRuns(octokit, repo, sha), commitStatuses(octokit, repo, sha), requiredChecks(octokit, repo, baseRef)]);
  return statuses === null ? null : { runs, statuses, required };
}

async function checkRuns(octokit: Octokit, repo: RepoName, sha: string): Promise<CiRun[]> {
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, { ...repo, ref: sha, filter: "latest", per_page: 100 });
  return runs.map((run) => ({
    id: run.id, name: run.name, app: run.app?.slug ?? "", appId: run.app?.id ?? null, status: run.status, conclusion: run.conclusion,
  }));
}

/**
 * The combined status pages its `statuses` (100 a page, Link headers). A 403 means the installation has not
 * granted "Commit statuses: read": then CI cannot be known, and saying "passing" could merge a red build.
 */
async function commitStatuses(octokit: Octokit, repo: RepoName, sha: string): Promise<CiStatus[] | null> {
  const statuses: CiStatus[] = [];
  try {
    for await (const page of octokit.paginate.iterator(octokit.rest.repos.getCombinedStatusForRef, { ...repo, ref: sha, per_page: 100 })) {
      const data = page.data as unknown as { statuses?: Array<{ context: string; state: string }> };
      for (const status of data.statuses ?? []) statuses.push({ context: status.context, state: status.state });
    }
  } catch (error) {
    if (statusOf(error) === 403) return null;
    throw error;
  }
  return statuses;
}

async function requiredChecks(octokit: Octokit, repo: RepoName, branch: string): Promise<RequiredCheck[]> {
  const [classic, rulesets] = await Promise.all([classicRequiredChecks(octokit, repo, branch), rulesetRequiredChecks(octokit, repo, branch)]);
  return [...classic, ...rulesets];
}

/** Needs "Administration: read"; without it (403) or without protection (404) there is nothing to add. */
async function classicRequiredChecks(octokit: Octokit, repo: RepoName, branch: string): Promise<RequiredCheck[]> {
  try {
    const { data } = await octokit.rest.repos.getStatusChecksProtection({ ...repo, branch });
    const checks: RequiredCheck[] = (data.checks ?? []).map((check) => ({ context: check.context, appId: check.app_id ?? null }));
    for (const context of data.contexts ?? []) if (!checks.some((c) => c.context === context)) checks.push({ context, appId: null });
    return checks;
  } catch (error) {
    if (statusOf(error) === 403 || statusOf(error) === 404) return [];
    throw error;
  }
}

/** Active rulesets only (GitHub leaves out "evaluate" and "disabled" ones); readable with Metadata. */
async function rulesetRequiredChecks(octokit: Octokit, repo: RepoName, branch: string): Promise<RequiredCheck[]> {
  try {
    const rules = await octokit.paginate(octokit.rest.repos.getBranchRules, { ...repo, branch, per_page: 100 });
    return rules.flatMap((rule) => {
      if (rule.type !== "required_status_checks") return [];
      const parameters = (rule as { parameters?: { required_status_checks?: Array<{ context: string; integration_id?: number }> } }).parameters;
      return (parameters?.required_status_checks ?? []).map((check) => ({ context: check.context, appId: check.integration_id ?? null }));
    });
  } catch (error) {
    // 404: an older GHES without rulesets; 403: not readable by this installation.
    if (statusOf(error) === 403 || statusOf(error) === 404) return [];
    throw error;
  }
}
