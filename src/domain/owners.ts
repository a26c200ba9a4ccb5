// Who a nudge may mention. Only people the repository itself points at: the PR's reviewers and assignees,
// else CODEOWNERS, else the configured owners. Anything that is not a plain login or team slug is dropped,
// so a crafted name can never smuggle markup or an extra mention into a comment.
import type { Principals } from "./policy.js";

export type OwnerSource = "reviewers-and-assignees" | "codeowners" | "configured" | "none";

export interface OwnerCandidates {
  requestedReviewers: string[];
  /** "org/team-slug" */
  requestedTeams: string[];
  assignees: string[];
  /** From CODEOWNERS as written: "@user" or "@org/team". */
  codeowners: string[];
  configured: Principals;
  useCodeowners: boolean;
}

export interface OwnerChoice {
  source: OwnerSource;
  /** Rendered "@login" / "@org/team". */
  mentions: string[];
}

/** One comment pinging a crowd is noise; a short list still reaches someone who can act. */
export const MAX_MENTIONS = 10;

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
// Team slugs are lower-case in practice, but GitHub accepts any case in mentions; underscores survive slugging.
const TEAM_SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,99})$/;

/** "@login" / "@org/team" for a valid principal (with or without its "@"), else null. Bots are never valid. */
export function mentionOf(principal: string): string | null {
  const bare = principal.trim().replace(/^@/, "");
  const [org, team, ...extra] = bare.split("/");
  if (org === undefined || !LOGIN.test(org) || extra.length > 0) return null;
  if (team === undefined) return `@${org}`;
  return TEAM_SLUG.test(team) ? `@${org}/${team}` : null;
}

function mentionsOf(principals: readonly string[]): string[] {
  const seen = new Set<string>();
  const mentions: string[] = [];
  for (const principal of principals) {
    const mention = mentionOf(principal);
    if (mention === null || seen.has(mention.toLowerCase())) continue;
    seen.add(mention.toLowerCase());
    mentions.push(mention);
    if (mentions.length === MAX_MENTIONS) break;
  }
  return mentions;
}

/** Teams must carry their org: a bare slug would read as a user login and ping the wrong account. */
function teamsOnly(teams: readonly string[]): string[] {
  return teams.filter((team) => team.includes("/"));
}

function usersOnly(users: readonly string[]): string[] {
  return users.filter((user) => !user.includes("/"));
}

export function chooseOwners(candidates: OwnerCandidates): OwnerChoice {
  const onPullRequest = mentionsOf([
    ...usersOnly(candidates.requestedReviewers),
    ...teamsOnly(candidates.requestedTeams),
    ...usersOnly(candidates.assignees),
  ]);
  if (onPullRequest.length > 0) return { source: "reviewers-and-assignees", mentions: onPullRequest };
  if (candidates.useCodeowners) {
    const fromCodeowners = mentionsOf(candidates.codeowners.filter((owner) => owner.startsWith("@")));
    if (fromCodeowners.length > 0) return { source: "codeowners", mentions: fromCodeowners };
  }
  const configured = contactsMentions(candidates.configured);
  if (configured.length > 0) return { source: "configured", mentions: configured };
  return { source: "none", mentions: [] };
}

export function contactsMentions(contacts: Principals): string[] {
  return mentionsOf([...usersOnly(contacts.users), ...teamsOnly(contacts.teams)]);
}
