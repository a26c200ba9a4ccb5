// REST shapes of pull requests and their commits, files and reviews.
import { authorAssociation, issueLabelsJson, repoJson, repoUrls, userJson } from "./serialize.js";
import { nodeId, type FakeState } from "./state.js";
import type { CommitRecord, PullFileRecord, PullRecord, RepoRecord, ReviewRecord } from "./types.js";

function branchJson(state: FakeState, repo: RepoRecord, branch: { ref: string; sha: string }): Record<string, unknown> {
  return {
    label: `${repo.owner.login}:${branch.ref}`,
    ref: branch.ref,
    sha: branch.sha,
    user: userJson(state, repo.owner),
    repo: repoJson(state, repo, true),
  };
}

/**
 * The list endpoint returns GitHub's "simple" pull request: no merged, mergeable, mergeable_state,
 * comments or diff stats. Code that reads those from a list gets undefined here as on GitHub.
 */
export function pullSimpleJson(state: FakeState, repo: RepoRecord, pr: PullRecord): Record<string, unknown> {
  const { api, web } = repoUrls(state, repo);
  const url = `${api}/pulls/${pr.number}`;
  const html = `${web}/pull/${pr.number}`;
  return {
    url,
    id: pr.pull_id,
    node_id: pr.pull_node_id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${pr.head.sha}`,
    number: pr.number,
    state: pr.state,
    locked: pr.locked,
    title: pr.title,
    user: userJson(state, pr.user),
    body: pr.body,
    labels: issueLabelsJson(state, repo, pr),
    milestone: null,
    active_lock_reason: null,
    created_at: pr.created_at,
    updated_at: pr.updated_at,
    closed_at: pr.closed_at,
    merged_at: pr.merged_at,
    merge_commit_sha: pr.merge_commit_sha,
    assignee: pr.assignees[0] ? userJson(state, pr.assignees[0]) : null,
    assignees: pr.assignees.map((u) => userJson(state, u)),
    requested_reviewers: pr.requested_reviewers.map((u) => userJson(state, u)),
    requested_teams: [],
    head: branchJson(state, repo, pr.head),
    base: branchJson(state, repo, pr.base),
    _links: {
      self: { href: url }, html: { href: html }, issue: { href: `${api}/issues/${pr.number}` },
      comments: { href: `${api}/issues/${pr.number}/comments` }, commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${pr.head.sha}` },
    },
    author_association: authorAssociation(repo, pr.user),
    auto_merge: pr.auto_merge
      ? {
        enabled_by: userJson(state, pr.auto_merge.enabled_by),
        merge_method: pr.auto_merge.merge_method,
        commit_title: pr.auto_merge.commit_title,
        commit_message: pr.auto_merge.commit_message,
      }
      : null,
    draft: pr.draft,
  };
}

export function pullJson(state: FakeState, repo: RepoRecord, pr: PullRecord): Record<string, unknown> {
  const additions = pr.files.reduce((sum, f) => sum + f.additions, 0);
  const deletions = pr.files.reduce((sum, f) => sum + f.deletions, 0);
  return {
    ...pullSimpleJson(state, repo, pr),
    merged: pr.merged,
    mergeable: pr.state === "open" ? pr.mergeable : null,
    rebaseable: pr.state === "open" ? pr.mergeable : null,
    mergeable_state: pr.mergeable_state,
    merged_by: pr.merged_by ? userJson(state, pr.merged_by) : null,
    comments: [...repo.comments.values()].filter((c) => c.issueNumber === pr.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pr.commits.length,
    additions,
    deletions,
    changed_files: pr.files.length,
  };
}

export function commitJson(state: FakeState, repo: RepoRecord, commit: CommitRecord, parent: string): Record<string, unknown> {
  const { api, web } = repoUrls(state, repo);
  const author = { name: commit.authorName, email: commit.authorEmail, date: commit.date };
  const committer = { name: commit.committerName, email: commit.committerEmail, date: commit.date };
  return {
    sha: commit.sha,
    node_id: nodeId("C", parseInt(commit.sha.slice(0, 8), 16)),
    commit: {
      author,
      committer,
      message: commit.message,
      tree: { sha: commit.sha.split("").reverse().join(""), url: `${api}/git/trees/${commit.sha}` },
      url: `${api}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: {
        verified: commit.verified,
        reason: commit.verificationReason,
        signature: commit.verified ? "-----BEGIN PGP SIGNATURE-----\nfake\n-----END PGP SIGNATURE-----" : null,
        payload: commit.verified ? `tree ${commit.sha}` : null,
        verified_at: commit.verified ? commit.date : null,
      },
    },
    url: `${api}/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    author: commit.author ? userJson(state, commit.author) : null,
    committer: commit.committer ? userJson(state, commit.committer) : null,
    parents: [{ sha: parent, url: `${api}/commits/${parent}`, html_url: `${web}/commit/${parent}` }],
  };
}

export function fileJson(state: FakeState, repo: RepoRecord, pr: PullRecord, file: PullFileRecord): Record<string, unknown> {
  const { api, web } = repoUrls(state, repo);
  return {
    sha: pr.head.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${web}/blob/${pr.head.sha}/${file.filename}`,
    raw_url: `${web}/raw/${pr.head.sha}/${file.filename}`,
    contents_url: `${api}/contents/${file.filename}?ref=${pr.head.sha}`,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
  };
}

export function reviewJson(state: FakeState, repo: RepoRecord, pr: PullRecord, review: ReviewRecord): Record<string, unknown> {
  const { api, web } = repoUrls(state, repo);
  return {
    id: review.id,
    node_id: nodeId("PRR", review.id),
    user: userJson(state, review.user),
    body: review.body,
    state: review.state,
    html_url: `${web}/pull/${pr.number}#pullrequestreview-${review.id}`,
    pull_request_url: `${api}/pulls/${pr.number}`,
    submitted_at: review.submitted_at,
    commit_id: review.commit_id,
    author_association: authorAssociation(repo, review.user),
  };
}
