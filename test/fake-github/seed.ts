// Seeding installations, repos, teams and permissions: typed, with defaults a test rarely overrides.
import { nodeId, type FakeState, type TeamRecord } from "./state.js";
import type { AccessLevel, InstallationRecord, RepoPermission, RepoRecord, UserInit, UserRecord } from "./types.js";

export interface InstallationInit {
  id: number;
  /** a login (an Organization by default) or a full account */
  account: string | { login: string; type?: "Organization" | "User"; id?: number };
  /** defaults to everything the app could ask for, contents: write included */
  permissions?: Record<string, AccessLevel>;
  events?: string[];
  suspended?: boolean;
}

export const DEFAULT_PERMISSIONS: Record<string, AccessLevel> = {
  metadata: "read", contents: "write", issues: "write", pull_requests: "write", checks: "write",
  statuses: "read", members: "read", vulnerability_alerts: "read", administration: "read",
};

export function newInstallation(state: FakeState, init: InstallationInit): InstallationRecord {
  if (state.installations.has(init.id)) throw new Error(`fake-github: installation ${init.id} already exists`);
  const account = typeof init.account === "string" ? { login: init.account } : init.account;
  const installation: InstallationRecord = {
    id: init.id,
    account: state.user({ login: account.login, type: account.type ?? "Organization", ...(account.id ? { id: account.id } : {}) }),
    permissions: { ...(init.permissions ?? DEFAULT_PERMISSIONS) },
    events: init.events ?? ["pull_request", "issue_comment", "check_run", "dependabot_alert", "installation", "installation_repositories"],
    created_at: state.iso(),
    suspended_at: init.suspended ? state.iso() : null,
  };
  state.installations.set(init.id, installation);
  return installation;
}

export interface RepoInit {
  owner: string;
  name: string;
  /** defaults to the installation on the owner's account; null: the app is not installed there */
  installationId?: number | null;
  id?: number;
  default_branch?: string;
  private?: boolean;
  archived?: boolean;
  allow_auto_merge?: boolean;
  allow_squash_merge?: boolean;
  allow_merge_commit?: boolean;
  allow_rebase_merge?: boolean;
}

export function newRepo(state: FakeState, init: RepoInit): RepoRecord {
  const fullName = `${init.owner}/${init.name}`;
  if (state.repo(fullName)) throw new Error(`fake-github: repo ${fullName} already exists`);
  const byOwner = [...state.installations.values()].find((i) => i.account.login.toLowerCase() === init.owner.toLowerCase());
  const installationId = init.installationId === undefined ? (byOwner?.id ?? null) : init.installationId;
  if (installationId !== null && !state.installations.has(installationId)) {
    throw new Error(`fake-github: no installation ${installationId}; seed it with addInstallation first`);
  }
  const owner = byOwner?.account ?? state.user({ login: init.owner, type: "Organization" });
  const id = init.id ?? state.nextId("repo");
  const defaultBranch = init.default_branch ?? "main";
  const repo: RepoRecord = {
    id, node_id: nodeId("R", id), owner, name: init.name, full_name: fullName, installationId,
    default_branch: defaultBranch, private: init.private ?? true, archived: init.archived ?? false,
    allow_auto_merge: init.allow_auto_merge ?? false, allow_squash_merge: init.allow_squash_merge ?? true,
    allow_merge_commit: init.allow_merge_commit ?? true, allow_rebase_merge: init.allow_rebase_merge ?? true,
    created_at: state.iso(), branches: new Map([[defaultBranch, state.sha()]]), issues: new Map(), nextNumber: 1,
    labels: new Map(), comments: new Map(), checkRuns: new Map(), statuses: [], protection: new Map(), rulesets: [], files: new Map(), fileCommits: [], collaborators: new Map(), alerts: new Map(),
  };
  state.repos.set(fullName.toLowerCase(), repo);
  return repo;
}

export function setPermissionOn(state: FakeState, repo: RepoRecord, login: UserInit, permission: RepoPermission): void {
  const user = state.user(login);
  repo.collaborators.set(user.login.toLowerCase(), { user, permission });
}

export function newTeam(
  state: FakeState, org: string, slug: string, members: UserInit[], maintainers: UserInit[] = [],
): TeamRecord {
  const asMembers = (list: UserInit[], role: "member" | "maintainer") =>
    list.map((u): { user: UserRecord; role: "member" | "maintainer" } => ({ user: state.user(u), role }));
  const team: TeamRecord = {
    id: state.nextId("team"), org, slug, members: [...asMembers(maintainers, "maintainer"), ...asMembers(members, "member")],
  };
  state.teams.set(`${org}/${slug}`.toLowerCase(), team);
  return team;
}
