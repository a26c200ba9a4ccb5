// Collaborator permissions and organisation team membership.
import { noContent, notFound, ok } from "./http.js";
import { paginated } from "./pagination.js";
import { installationRoute, param, repoRoute, type Ctx, type Route } from "./router.js";
import { userJson } from "./serialize.js";
import type { FakeState, TeamRecord } from "./state.js";
import type { RepoPermission, RepoRecord, UserRecord } from "./types.js";

/** Explicit grant first; else the owner of a user repo is admin and anyone may read a public repo. */
export function permissionOf(repo: RepoRecord, login: string): RepoPermission {
  const granted = repo.collaborators.get(login.toLowerCase());
  if (granted) return granted.permission;
  if (repo.owner.type === "User" && repo.owner.login.toLowerCase() === login.toLowerCase()) return "admin";
  return repo.private ? "none" : "read";
}

// The legacy `permission` field folds maintain into write and triage into read.
const LEGACY: Record<RepoPermission, string> = {
  admin: "admin", maintain: "write", write: "write", triage: "read", read: "read", none: "none",
};
const RANK: Record<RepoPermission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

function collaboratorJson(state: FakeState, user: UserRecord, permission: RepoPermission): Record<string, unknown> {
  const rank = RANK[permission];
  return {
    ...userJson(state, user),
    permissions: { admin: rank >= 5, maintain: rank >= 4, push: rank >= 3, triage: rank >= 2, pull: rank >= 1 },
    role_name: permission,
  };
}

function findTeam(ctx: Ctx): TeamRecord {
  const org = param(ctx, "org");
  const installation = ctx.installationId === null ? undefined : ctx.state.installations.get(ctx.installationId);
  // Another organisation's teams are invisible to this installation.
  if (installation?.account.login.toLowerCase() !== org.toLowerCase()) throw notFound();
  const team = ctx.state.team(org, param(ctx, "slug"));
  if (!team) throw notFound();
  return team;
}

export const collaboratorRoutes: Route[] = [
  repoRoute("GET", "/collaborators/:username/permission", "metadata:read", (ctx) => {
    const user = ctx.state.user(param(ctx, "username"));
    const permission = permissionOf(ctx.repo, user.login);
    return ok({ permission: LEGACY[permission], role_name: permission, user: collaboratorJson(ctx.state, user, permission) });
  }),
  repoRoute("GET", "/collaborators/:username", "metadata:read", (ctx) => {
    const login = param(ctx, "username");
    const explicit = ctx.repo.collaborators.get(login.toLowerCase());
    const isOwner = ctx.repo.owner.login.toLowerCase() === login.toLowerCase();
    if ((explicit && explicit.permission !== "none") || isOwner) return noContent();
    throw notFound();
  }),
  repoRoute("GET", "/collaborators", "metadata:read", (ctx) => {
    const all = [...ctx.repo.collaborators.values()].filter((c) => c.permission !== "none");
    return paginated(ctx, all, (c) => collaboratorJson(ctx.state, c.user, c.permission));
  }),
  installationRoute("GET", "/orgs/:org/teams/:slug/members", "members:read", (ctx) => {
    const role = ctx.query.get("role") ?? "all";
    const members = findTeam(ctx).members.filter((m) => role === "all" || m.role === role);
    return paginated(ctx, members, (m) => userJson(ctx.state, m.user));
  }),
  installationRoute("GET", "/orgs/:org/teams/:slug/memberships/:username", "members:read", (ctx) => {
    const team = findTeam(ctx);
    const login = param(ctx, "username").toLowerCase();
    const member = team.members.find((m) => m.user.login.toLowerCase() === login);
    if (!member) throw notFound();
    return ok({
      url: `${ctx.state.config.apiUrl}/teams/${team.id}/memberships/${member.user.login}`,
      role: member.role,
      state: "active",
    });
  }),
];
