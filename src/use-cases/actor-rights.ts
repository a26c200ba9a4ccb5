// Who may snooze: people with write access to the repo, or those the policy allows by name or team.
import type { Policy } from "../domain/policy.js";
import type { GitHubReads, RepoName } from "../github/github-reads.js";

export interface ActorRights {
  canWrite: boolean;
  inAllowList: boolean;
}

const WRITERS = new Set(["admin", "maintain", "write"]);

export async function actorRights(github: GitHubReads, repo: RepoName, actor: string, policy: Policy): Promise<ActorRights> {
  const canWrite = WRITERS.has(await github.permissionOf(repo, actor));
  if (canWrite) return { canWrite, inAllowList: false };
  const byName = policy.snooze.allow.users.some((user) => user.toLowerCase() === actor.toLowerCase());
  if (byName) return { canWrite, inAllowList: true };
  for (const team of policy.snooze.allow.teams) {
    const [org = "", slug = ""] = team.split("/");
    if (await github.isTeamMember(org, slug, actor)) return { canWrite, inAllowList: true };
  }
  return { canWrite, inAllowList: false };
}
