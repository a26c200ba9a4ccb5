// Auto-merge through a Probot installation Octokit. Auto-merge itself exists only in GraphQL; GitHub refuses
// it when the PR can already merge ("Pull request is in clean status"), so the REST merge finishes the job.
// Every REST merge names the head sha the decision was made on, so a commit pushed meanwhile is never
// merged unseen; the mutation gets the same sha as `expectedHeadOid` for the same reason.
import type { ProbotOctokit } from "probot";
import type { MergeMethod } from "../domain/policy.js";
import { MISSING_CONTENTS_PERMISSION, type AutoMergeOutcome, type AutoMergePullRequest, type AutoMerger, type RepoName } from "./auto-merge.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

// `$method` would collide with @octokit/graphql's own `method` request option: the variable is `$mergeMethod`.
const ENABLE_AUTO_MERGE = `
  mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!, $expectedHeadOid: GitObjectID) {
    enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod, expectedHeadOid: $expectedHeadOid }) {
      pullRequest { autoMergeRequest { enabledAt } }
    }
  }`;

const GRAPHQL_METHOD: Record<MergeMethod, string> = { merge: "MERGE", squash: "SQUASH", rebase: "REBASE" };

/** GitHub's answer to an app whose installation lacks a permission (here contents: write). */
const NOT_ACCESSIBLE = /resource not accessible by integration/i;
/** Nothing left to wait for: the states in which GitHub would merge right now. */
const READY_NOW = /is in (?:clean|unstable|has_hooks) status/i;
/** The repository does not offer auto-merge (the setting is off; older GitHub: no branch protection). */
const AUTO_MERGE_UNAVAILABLE = /auto[- ]?merge is not allowed|protected branch rules not configured/i;
const MERGEABLE_STATES = new Set(["clean", "unstable", "has_hooks"]);

const STATE_WORDS: Record<string, string> = {
  blocked: "blocked (required reviews or checks are missing)",
  behind: "behind its base branch",
  dirty: "in conflict with its base branch",
  draft: "a draft",
};

interface GraphqlFailure {
  type: string | undefined;
  message: string;
}

export class OctokitAutoMerger implements AutoMerger {
  constructor(private readonly octokit: Octokit) {}

  async enable(repo: RepoName, pr: AutoMergePullRequest, method: MergeMethod): Promise<AutoMergeOutcome> {
    let failure: GraphqlFailure;
    let thrown: unknown;
    try {
      await this.octokit.graphql(ENABLE_AUTO_MERGE, {
        pullRequestId: pr.nodeId, mergeMethod: GRAPHQL_METHOD[method], expectedHeadOid: pr.headSha,
      });
      return { state: "enabled" };
    } catch (error) {
      const known = graphqlFailure(error);
      if (known === null) throw error;
      failure = known;
      thrown = error;
    }
    if (NOT_ACCESSIBLE.test(failure.message)) return { state: "refused", reason: MISSING_CONTENTS_PERMISSION };
    if (READY_NOW.test(failure.message)) return this.merge(repo, pr, method);
    if (AUTO_MERGE_UNAVAILABLE.test(failure.message)) return this.mergeIfReady(repo, pr, method, failure.message);
    // Closed, merged, draft, conflicting, head moved, method not allowed: GitHub's own words say it best.
    if (failure.type === "UNPROCESSABLE") {
      return this.refusedUnlessMerged(repo, pr.number, `GitHub refused to enable auto-merge: ${tidy(failure.message)}`);
    }
    throw thrown;
  }

  async disable(pr: AutoMergePullRequest): Promise<void> {
    try {
      await this.octokit.graphql(
        `mutation($pullRequestId: ID!) { disablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId }) { clientMutationId } }`,
        { pullRequestId: pr.nodeId },
      );
    } catch (error) {
      // Already off, or the PR closed meanwhile: nothing left to stop.
      if (graphqlFailure(error) === null) throw error;
    }
  }

  /** PUT …/pulls/{n}/merge pinned to the decided head sha. */
  private async merge(repo: RepoName, pr: AutoMergePullRequest, method: MergeMethod): Promise<AutoMergeOutcome> {
    try {
      await this.octokit.rest.pulls.merge({ ...repo, pull_number: pr.number, merge_method: method, sha: pr.headSha });
      return { state: "merged" };
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 && NOT_ACCESSIBLE.test(restMessage(error))) return { state: "refused", reason: MISSING_CONTENTS_PERMISSION };
      // 405: not mergeable (or already merged); 409: the head moved past the sha the decision saw.
      if (status === 405 || status === 409) {
        return this.refusedUnlessMerged(repo, pr.number, `GitHub refused to merge: ${restMessage(error)}`);
      }
      throw error;
    }
  }

  /**
   * Without auto-merge the app merges only what GitHub calls mergeable right now. Merging a blocked PR
   * over REST would wrongly skip its required reviews or checks should the app be allowed to bypass them.
   */
  private async mergeIfReady(repo: RepoName, pr: AutoMergePullRequest, method: MergeMethod, why: string): Promise<AutoMergeOutcome> {
    const { data } = await this.octokit.rest.pulls.get({ ...repo, pull_number: pr.number });
    if (data.merged) return { state: "merged" };
    if (data.state !== "open") return { state: "refused", reason: "the pull request is closed" };
    if (MERGEABLE_STATES.has(data.mergeable_state)) return this.merge(repo, pr, method);
    // GitHub computes mergeability in the background; the job's retry will find it known.
    if (data.mergeable === null || data.mergeable_state === "unknown") {
      throw new Error(`${repo.owner}/${repo.repo}#${pr.number}: GitHub has not computed whether it can merge yet`);
    }
    const state = STATE_WORDS[data.mergeable_state] ?? data.mergeable_state;
    return { state: "refused", reason: `${tidy(why)}, and the pull request cannot merge yet: it is ${state}` };
  }

  /** A retry after a merge that went through, or someone else's merge, is a success, not a refusal. */
  private async refusedUnlessMerged(repo: RepoName, number: number, reason: string): Promise<AutoMergeOutcome> {
    const { data } = await this.octokit.rest.pulls.get({ ...repo, pull_number: number });
    return data.merged ? { state: "merged" } : { state: "refused", reason };
  }
}

/** The first error of a GraphQL answer, or null when the request itself failed (network, 401, 5xx). */
function graphqlFailure(error: unknown): GraphqlFailure | null {
  // @octokit/graphql is not a direct dependency, so its error class is recognised by name, not imported.
  if (!(error instanceof Error) || error.name !== "GraphqlResponseError") return null;
  const errors = (error as { errors?: unknown }).errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  if (typeof first !== "object" || first === null) return null;
  const { type, message } = first as { type?: unknown; message?: unknown };
  if (typeof message !== "string") return null;
  return { type: typeof type === "string" ? type : undefined, message };
}

function statusOf(error: unknown): number | undefined {
  const status = typeof error === "object" && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === "number" ? status : undefined;
}

/** GitHub's own message, without the documentation link Octokit appends to `error.message`. */
function restMessage(error: unknown): string {
  const response = typeof error === "object" && error !== null ? (error as { response?: { data?: unknown } }).response : undefined;
  const data = response?.data;
  const message = typeof data === "object" && data !== null ? (data as { message?: unknown }).message : undefined;
  if (typeof message === "string") return message;
  return error instanceof Error ? error.message : String(error);
}

/** GitHub prefixes the field's name to its messages ("Pull request Pull request is closed"). */
function tidy(message: string): string {
  return message.replace(/^Pull request (?=[A-Z])/, "").replace(/\.$/, "");
}
