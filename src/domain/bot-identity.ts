// Who the bots are, and what a pull request that only pretends to be theirs looks like.
import { stripTitle } from "./recognition/title-prefix.js";
import type { Author, Bot, BotIdentities, PullRequestFacts } from "./types.js";

/** GitHub.com's accounts; self-hosted Renovate and GHES add their own logins through configuration. */
export const DEFAULT_BOT_IDENTITIES: BotIdentities = {
  dependabot: [
    { login: "dependabot[bot]", id: 49699333 },
    { login: "dependabot-preview[bot]", id: 27856297 },
  ],
  renovate: [{ login: "renovate[bot]", id: 29139614 }],
};

const BOTS: readonly Bot[] = ["dependabot", "renovate"];

/**
 * The bot this author is, or null. Logins compare case-insensitively (GitHub's do). When an identity has an
 * id and the author's id is known, the ids must match too: a login can be renamed and re-registered, an id
 * cannot. An identity without an id matches any account type, because self-hosted Renovate often runs as a
 * plain User with a token.
 */
export function identifyBot(author: Author, identities: BotIdentities): Bot | null {
  for (const bot of BOTS) {
    if (identities[bot].some((identity) => matches(identity, author))) return bot;
  }
  return null;
}

function matches(identity: { login: string; id?: number }, author: Author): boolean {
  if (identity.login.toLowerCase() !== author.login.toLowerCase()) return false;
  return identity.id === undefined || !idKnown(author.id) || identity.id === author.id;
}

function idKnown(id: number): boolean {
  return Number.isInteger(id) && id > 0;
}

export interface Lookalike {
  bot: Bot;
  reason: string;
}

/** Which bot a PR imitates, by its branch or its title; null when it looks like neither. */
export function botLookalike(facts: PullRequestFacts): Bot | null {
  return lookalikeEvidence(facts, DEFAULT_BOT_IDENTITIES)?.bot ?? null;
}

/**
 * Why a PR whose author is not a configured bot looks like one. Titles alone do not count against other
 * GitHub Apps (type Bot): release workflows legitimately open "Bump version from 1.0 to 1.1" PRs. Branches
 * and bot-like logins count against everyone.
 */
export function lookalikeEvidence(facts: PullRequestFacts, identities: BotIdentities): Lookalike | null {
  const who = `author "${facts.author.login}" (${facts.author.type})`;
  const sameLogin = BOTS.find((bot) =>
    identities[bot].some((identity) => identity.login.toLowerCase() === facts.author.login.toLowerCase()),
  );
  if (sameLogin) {
    return { bot: sameLogin, reason: `${who} has ${sameLogin}'s login but id ${facts.author.id}, not the configured one` };
  }
  const byLogin = botFromLogin(facts.author.login);
  if (byLogin) return { bot: byLogin, reason: `${who} is named like ${byLogin} but is not a configured ${byLogin} identity` };
  const byBranch = botFromBranch(facts.headRef);
  if (byBranch) return { bot: byBranch, reason: `${who} opened branch "${facts.headRef}", which is ${byBranch}'s` };
  if (facts.author.type.toLowerCase() === "bot") return null;
  const byTitle = botFromTitle(facts.title);
  if (byTitle) return { bot: byTitle, reason: `${who} used ${byTitle}'s title format: "${facts.title.slice(0, 120)}"` };
  return null;
}

function botFromLogin(login: string): Bot | null {
  const name = login.toLowerCase().replace(/\[bot\]$/, "");
  if (name === "dependabot" || name === "dependabot-preview") return "dependabot";
  if (name === "renovate" || name === "renovate-bot" || name === "renovatebot") return "renovate";
  return null;
}

function botFromBranch(headRef: string): Bot | null {
  if (headRef.startsWith("dependabot/")) return "dependabot";
  if (headRef.startsWith("renovate/")) return "renovate";
  return null;
}

const DEPENDABOT_TITLES = [
  /^bump \S.* from \S.* to \S/i,
  /^bump the \S+ group\b/i,
  /^update \S+ requirement (?:from \S.* )?to \S/i,
  /^update requirements for \S/i,
];
const RENOVATE_TITLES = [
  /^update (?:dependency|module|rust crate|helm release|pre-commit hook) \S+ to \S/i,
  /^update \S+ (?:docker tag|docker digest|action|digest) to \S/i,
  /^update \S+ monorepo\b/i,
  /^update all non-major dependencies$/i,
  /^lock file maintenance$/i,
  /^pin dependenc(?:y|ies)\b/i,
];

function botFromTitle(title: string): Bot | null {
  const text = stripTitle(title).text;
  if (DEPENDABOT_TITLES.some((pattern) => pattern.test(text))) return "dependabot";
  if (RENOVATE_TITLES.some((pattern) => pattern.test(text))) return "renovate";
  return null;
}
