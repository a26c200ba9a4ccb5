// The `installation` and `installation_repositories` webhook payloads, shaped as GitHub's docs describe
// them, and the state changes that go with them (suspend, uninstall, repositories added or removed).
import { installationJson } from "./auth.js";
import type { FakeState } from "./state.js";
import type { InstallationRecord, RepoRecord } from "./types.js";

export type InstallationAction = "created" | "deleted" | "suspend" | "unsuspend";

/** The short repository objects these payloads list: id, node_id, name, full_name, private. */
export function installationRepoJson(repo: RepoRecord): Record<string, unknown> {
  return { id: repo.id, node_id: repo.node_id, name: repo.name, full_name: repo.full_name, private: repo.private };
}

function reposOf(state: FakeState, installationId: number): RepoRecord[] {
  return [...state.repos.values()].filter((r) => r.installationId === installationId);
}

function requireInstallation(state: FakeState, id: number): InstallationRecord {
  const installation = state.installations.get(id);
  if (!installation) throw new Error(`fake-github: no installation ${id}`);
  return installation;
}

/**
 * Applies the action to the fake's state and returns the payload GitHub would send. "deleted" removes
 * the installation (its tokens stop working); its repos stay, no longer installed.
 */
export function installationEvent(state: FakeState, id: number, action: InstallationAction): Record<string, unknown> {
  const installation = requireInstallation(state, id);
  if (action === "suspend") installation.suspended_at = state.iso();
  if (action === "unsuspend") installation.suspended_at = null;
  const repositories = reposOf(state, id).map(installationRepoJson);
  const payload = {
    action,
    installation: installationJson(state, installation),
    repositories,
    ...(action === "created" ? { requester: null } : {}),
    sender: { login: "admin", id: 4444, type: "User" },
  };
  if (action === "deleted") {
    state.installations.delete(id);
    for (const [token, info] of state.tokens) if (info.installationId === id) state.tokens.delete(token);
    for (const repo of reposOf(state, id)) repo.installationId = null;
  }
  return payload;
}

/** Moves the repos into (added) or out of (removed) the installation and returns the payload. */
export function installationRepositoriesEvent(
  state: FakeState, id: number, action: "added" | "removed", fullNames: string[],
): Record<string, unknown> {
  const installation = requireInstallation(state, id);
  const repos = fullNames.map((name) => state.requireRepo(name));
  for (const repo of repos) repo.installationId = action === "added" ? id : null;
  return {
    action,
    installation: installationJson(state, installation),
    repository_selection: "selected",
    repositories_added: action === "added" ? repos.map(installationRepoJson) : [],
    repositories_removed: action === "removed" ? repos.map(installationRepoJson) : [],
    requester: null,
    sender: { login: "admin", id: 4444, type: "User" },
  };
}
