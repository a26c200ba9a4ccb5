// Building issue and pull request records: shared by the seeding API and by POST /issues.
import { nodeId, type FakeState } from "./state.js";
import type {
  CommitRecord, IssueRecord, MergeableState, PullFileRecord, PullRecord, RepoRecord, ReviewRecord, Timestamp, UserInit,
} from "./types.js";

export interface IssueInit {
  number?: number;
  title?: string;
  body?: string | null;
  user?: UserInit;
  labels?: string[];
  assignees?: UserInit[];
  state?: "open" | "closed";
  state_reason?: IssueRecord["state_reason"];
  created_at?: Timestamp;
  updated_at?: Timestamp;
  closed_at?: Timestamp | null;
}

export interface CommitInit {
  sha?: string;
  message?: string;
  /** the linked GitHub account; null for an email GitHub cannot match. Defaults to the PR author. */
  author?: UserInit | null;
  committer?: UserInit | null;
  authorName?: string;
  authorEmail?: string;
  committerName?: string;
  committerEmail?: string;
  date?: Timestamp;
  verified?: boolean;
  verificationReason?: string;
}

export interface PullInit extends IssueInit {
  head?: { ref?: string; sha?: string };
  base?: string;
  draft?: boolean;
  merged?: boolean;
  merged_at?: Timestamp | null;
  mergeable?: boolean | null;
  mergeable_state?: MergeableState;
  requested_reviewers?: UserInit[];
  /** defaults to one verified commit by the PR author whose sha is the head sha */
  commits?: CommitInit[];
  files?: PullFileRecord[];
}

/** Adding a label that the repo lacks creates it, as GitHub does for a writer. */
export function ensureLabel(state: FakeState, repo: RepoRecord, name: string): string {
  const existing = repo.labels.get(name.toLowerCase());
  if (existing) return existing.name;
  const id = state.nextId("label");
  repo.labels.set(name.toLowerCase(), { id, node_id: nodeId("LA", id), name, color: "ededed", description: null, default: false });
  return name;
}

function takeNumber(repo: RepoRecord, wanted: number | undefined): number {
  const number = wanted ?? repo.nextNumber;
  if (repo.issues.has(number)) throw new Error(`fake-github: #${number} already exists in ${repo.full_name}`);
  repo.nextNumber = Math.max(repo.nextNumber, number + 1);
  return number;
}

export function newIssue(state: FakeState, repo: RepoRecord, init: IssueInit): IssueRecord {
  const id = state.nextId("issue");
  const created = init.created_at ?? state.iso();
  const state_ = init.state ?? "open";
  const issue: IssueRecord = {
    kind: "issue",
    id,
    node_id: nodeId("I", id),
    number: takeNumber(repo, init.number),
    title: init.title ?? "Issue",
    body: init.body ?? null,
    user: state.user(init.user ?? "octocat"),
    labels: (init.labels ?? []).map((name) => ensureLabel(state, repo, name)),
    assignees: (init.assignees ?? []).map((u) => state.user(u)),
    state: state_,
    state_reason: init.state_reason ?? (state_ === "closed" ? "completed" : null),
    locked: false,
    created_at: created,
    updated_at: init.updated_at ?? created,
    closed_at: state_ === "closed" ? (init.closed_at ?? created) : null,
    closed_by: null,
  };
  repo.issues.set(issue.number, issue);
  return issue;
}

export function newPull(state: FakeState, repo: RepoRecord, init: PullInit): PullRecord {
  const user = state.user(init.user ?? "dependabot[bot]");
  const created = init.created_at ?? state.iso();
  const merged = init.merged ?? Boolean(init.merged_at);
  const mergedAt = merged ? (init.merged_at ?? init.closed_at ?? created) : null;
  const closed = merged || init.state === "closed";
  const baseRef = init.base ?? repo.default_branch;
  const baseSha = repo.branches.get(baseRef) ?? state.sha();
  repo.branches.set(baseRef, baseSha);
  const issueId = state.nextId("issue");
  const pullId = state.nextId("pull");
  const number = takeNumber(repo, init.number);
  const pr: PullRecord = {
    kind: "pull",
    id: issueId,
    node_id: nodeId("I", issueId),
    pull_id: pullId,
    pull_node_id: nodeId("PR", pullId),
    number,
    title: init.title ?? "Bump example from 1.0.0 to 1.0.1",
    body: init.body ?? null,
    user,
    labels: (init.labels ?? []).map((name) => ensureLabel(state, repo, name)),
    assignees: (init.assignees ?? []).map((u) => state.user(u)),
    state: closed ? "closed" : "open",
    state_reason: null,
    locked: false,
    created_at: created,
    updated_at: init.updated_at ?? mergedAt ?? init.closed_at ?? created,
    closed_at: closed ? (init.closed_at ?? mergedAt ?? created) : null,
    closed_by: null,
    head: { ref: init.head?.ref ?? `dependabot/npm_and_yarn/example-${number}`, sha: init.head?.sha ?? state.sha() },
    base: { ref: baseRef, sha: baseSha },
    draft: init.draft ?? false,
    merged,
    merged_at: mergedAt,
    merged_by: merged ? user : null,
    merge_commit_sha: merged ? state.sha() : null,
    mergeable: init.mergeable === undefined ? true : init.mergeable,
    mergeable_state: init.mergeable_state ?? (init.draft ? "draft" : "clean"),
    requested_reviewers: (init.requested_reviewers ?? []).map((u) => state.user(u)),
    auto_merge: null,
    commits: [],
    files: init.files ?? [],
    reviews: [],
  };
  repo.issues.set(number, pr);
  // A PR always has at least one commit; an empty list would let "every commit is the bot's" pass vacuously.
  const commits = init.commits ?? [{ sha: pr.head.sha, message: pr.title, date: created }];
  for (const commit of commits) addCommitTo(state, repo, pr, commit);
  return pr;
}

/** The new commit becomes the head, as a push to the PR branch would make it. */
export function addCommitTo(state: FakeState, repo: RepoRecord, pr: PullRecord, init: CommitInit): CommitRecord {
  const author = init.author === null ? null : state.user(init.author ?? pr.user);
  const committer = init.committer === undefined ? author : init.committer === null ? null : state.user(init.committer);
  const name = init.authorName ?? author?.login ?? "Someone";
  const email = init.authorEmail ?? (author ? noreplyEmail(author) : "someone@example.com");
  // web-flow commits carry GitHub's own name and address, as commits made through the web or the API do.
  const webFlow = committer?.login === "web-flow";
  const commit: CommitRecord = {
    sha: init.sha ?? state.sha(),
    message: init.message ?? "Update",
    author,
    committer,
    authorName: name,
    authorEmail: email,
    committerName: init.committerName ?? (webFlow ? "GitHub" : committer === author ? name : (committer?.login ?? name)),
    committerEmail: init.committerEmail ?? (webFlow ? "noreply@github.com" : committer === author ? email : committer ? noreplyEmail(committer) : email),
    date: init.date ?? state.iso(),
    verified: init.verified ?? true,
    verificationReason: init.verificationReason ?? (init.verified === false ? "unsigned" : "valid"),
  };
  pr.commits.push(commit);
  pr.head.sha = commit.sha;
  repo.branches.set(pr.head.ref, commit.sha);
  return commit;
}

function noreplyEmail(user: { id: number; login: string }): string {
  return `${user.id}+${user.login}@users.noreply.github.com`;
}

export interface ReviewInit {
  user: UserInit;
  state: ReviewRecord["state"];
  body?: string;
  submitted_at?: Timestamp;
}

export function addReviewTo(state: FakeState, pr: PullRecord, init: ReviewInit): ReviewRecord {
  const review: ReviewRecord = {
    id: state.nextId("review"),
    user: state.user(init.user),
    state: init.state,
    body: init.body ?? "",
    submitted_at: init.submitted_at ?? state.iso(),
    commit_id: pr.head.sha,
  };
  pr.reviews.push(review);
  return review;
}
