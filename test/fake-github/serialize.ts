// REST shapes for users, repos, labels, issues and comments, built from records on every read so
// that what a test seeded and what the API returns never drift apart.
import { nodeId, type FakeState } from "./state.js";
import type {
  AppRef, CommentRecord, IssueRecord, LabelRecord, PullRecord, ReactionRecord, RepoRecord, UserRecord,
} from "./types.js";

export function userJson(state: FakeState, user: UserRecord): Record<string, unknown> {
  const web = state.config.webUrl;
  return {
    login: user.login,
    id: user.id,
    node_id: user.node_id,
    avatar_url: `${web}/avatars/u/${user.id}`,
    gravatar_id: "",
    url: `${state.config.apiUrl}/users/${encodeURIComponent(user.login)}`,
    html_url: user.type === "Bot" ? `${web}/apps/${user.login.replace(/\[bot\]$/, "")}` : `${web}/${user.login}`,
    type: user.type,
    site_admin: false,
  };
}

export function repoUrls(state: FakeState, repo: RepoRecord): { api: string; web: string } {
  return { api: `${state.config.apiUrl}/repos/${repo.full_name}`, web: `${state.config.webUrl}/${repo.full_name}` };
}

export function repoJson(state: FakeState, repo: RepoRecord, full = false): Record<string, unknown> {
  const { api, web } = repoUrls(state, repo);
  const simple = {
    id: repo.id,
    node_id: repo.node_id,
    name: repo.name,
    full_name: repo.full_name,
    private: repo.private,
    owner: userJson(state, repo.owner),
    html_url: web,
    description: null,
    fork: false,
    url: api,
    pulls_url: `${api}/pulls{/number}`,
    issues_url: `${api}/issues{/number}`,
  };
  if (!full) return simple;
  return {
    ...simple,
    default_branch: repo.default_branch,
    visibility: repo.private ? "private" : "public",
    archived: repo.archived,
    disabled: false,
    allow_auto_merge: repo.allow_auto_merge,
    allow_squash_merge: repo.allow_squash_merge,
    allow_merge_commit: repo.allow_merge_commit,
    allow_rebase_merge: repo.allow_rebase_merge,
    has_issues: true,
    created_at: repo.created_at,
    updated_at: repo.created_at,
    pushed_at: repo.created_at,
  };
}

export function labelJson(state: FakeState, repo: RepoRecord, label: LabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    node_id: label.node_id,
    url: `${repoUrls(state, repo).api}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

/** Labels on an issue are stored by name; a name with no repo label still renders (grey). */
export function issueLabelsJson(state: FakeState, repo: RepoRecord, issue: IssueRecord | PullRecord): unknown[] {
  return issue.labels.map((name) => {
    const label = repo.labels.get(name.toLowerCase()) ?? {
      id: 0, node_id: nodeId("LA", 0), name, color: "ededed", description: null, default: false,
    };
    return labelJson(state, repo, label);
  });
}

export function authorAssociation(repo: RepoRecord, user: UserRecord): string {
  if (user.login.toLowerCase() === repo.owner.login.toLowerCase()) return "OWNER";
  const collaborator = repo.collaborators.get(user.login.toLowerCase());
  if (collaborator && collaborator.permission !== "none") return "COLLABORATOR";
  return "NONE";
}

const REACTIONS = ["+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"] as const;

export function reactionsRollup(url: string, reactions: ReactionRecord[]): Record<string, unknown> {
  const rollup: Record<string, unknown> = { url, total_count: reactions.length };
  for (const content of REACTIONS) rollup[content] = reactions.filter((r) => r.content === content).length;
  return rollup;
}

export function issueUrls(state: FakeState, repo: RepoRecord, issue: IssueRecord | PullRecord): { api: string; web: string } {
  const { api, web } = repoUrls(state, repo);
  return { api: `${api}/issues/${issue.number}`, web: `${web}/${issue.kind === "pull" ? "pull" : "issues"}/${issue.number}` };
}

export function issueJson(state: FakeState, repo: RepoRecord, issue: IssueRecord | PullRecord): Record<string, unknown> {
  const { api, web } = issueUrls(state, repo, issue);
  const comments = [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length;
  const json: Record<string, unknown> = {
    id: issue.id,
    node_id: issue.node_id,
    url: api,
    repository_url: repoUrls(state, repo).api,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: web,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state_reason,
    title: issue.title,
    body: issue.body,
    user: userJson(state, issue.user),
    labels: issueLabelsJson(state, repo, issue),
    assignee: issue.assignees[0] ? userJson(state, issue.assignees[0]) : null,
    assignees: issue.assignees.map((u) => userJson(state, u)),
    milestone: null,
    locked: issue.locked,
    active_lock_reason: null,
    comments,
    closed_at: issue.closed_at,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_by: issue.closed_by ? userJson(state, issue.closed_by) : null,
    author_association: authorAssociation(repo, issue.user),
    reactions: reactionsRollup(`${api}/reactions`, []),
  };
  if (issue.kind === "pull") {
    const pullApi = `${repoUrls(state, repo).api}/pulls/${issue.number}`;
    json["draft"] = issue.draft;
    json["pull_request"] = {
      url: pullApi, html_url: web, diff_url: `${web}.diff`, patch_url: `${web}.patch`, merged_at: issue.merged_at,
    };
  }
  return json;
}

export function commentJson(state: FakeState, repo: RepoRecord, comment: CommentRecord): Record<string, unknown> {
  const issue = repo.issues.get(comment.issueNumber);
  const { api, web } = repoUrls(state, repo);
  const kind = issue?.kind === "pull" ? "pull" : "issues";
  const url = `${api}/issues/comments/${comment.id}`;
  return {
    id: comment.id,
    node_id: comment.node_id,
    url,
    html_url: `${web}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userJson(state, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: authorAssociation(repo, comment.user),
    reactions: reactionsRollup(`${url}/reactions`, comment.reactions),
    performed_via_github_app: comment.viaApp ? appJson(state) : null,
  };
}

export function appJson(state: FakeState, app: AppRef = state.app()): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("A", app.id),
    name: app.name,
    owner: null,
    description: "",
    external_url: `${state.config.webUrl}/apps/${app.slug}`,
    html_url: `${state.config.webUrl}/apps/${app.slug}`,
    created_at: "2020-01-01T00:00:00Z",
    updated_at: "2020-01-01T00:00:00Z",
    permissions: {},
    events: [],
  };
}
