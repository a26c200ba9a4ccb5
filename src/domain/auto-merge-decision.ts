// Whether a bot PR may merge itself. Pure: the caller fetches commits, CI and draft state; this only judges.
// The identity checks follow dependabot/fetch-metadata and fastify/github-action-merge-dependabot: the PR
// author, the author and the committer of every commit, and every commit's signature — a human can push
// to a bot's branch, and a human can commit (and sign) a commit that names the bot as its author.
import { identifyBot } from "./bot-identity.js";
import type { MergeMethod, Policy, SlaClass } from "./policy.js";
import type { PullRequestRecord } from "./pull-request-record.js";
import type { Bot, BotIdentities, CommitInfo } from "./types.js";

export type AutoMergeDecision = { merge: true; method: MergeMethod } | { merge: false; reason: string };

import type { CiState } from "./ci-state.js";
export type { CiState };

export interface AutoMergeInput {
  record: PullRequestRecord;
  slaClass: SlaClass;
  policy: Policy;
  /** The PR's commits as GitHub lists them; null when they could not be read. */
  commits: CommitInfo[] | null;
  identities: BotIdentities;
  ci: CiState;
  draft: boolean;
}

/** The first reason found wins: policy, then the PR's state, then who wrote it, then draft and CI. */
export function decideAutoMerge(input: AutoMergeInput): AutoMergeDecision {
  const reason = policyRefusal(input) ?? stateRefusal(input) ?? authorshipRefusal(input) ?? readinessRefusal(input);
  return reason === null ? { merge: true, method: input.policy.autoMerge.method } : { merge: false, reason };
}

function policyRefusal({ policy, slaClass, record }: AutoMergeInput): string | null {
  const classes = policy.autoMerge.classes;
  if (!classes.includes(slaClass)) return `auto-merge is not enabled for ${describeClass(slaClass)} updates`;
  // A security fix that is also a major bump can break the build as any major can; it needs both opt-ins.
  if (record.update.updateType === "major" && !classes.includes("major")) {
    return `auto-merge is not enabled for major updates (add "major" to auto_merge.classes)`;
  }
  return null;
}

function stateRefusal({ record }: AutoMergeInput): string | null {
  return record.state === "open" ? null : `the pull request is ${record.state}`;
}

function authorshipRefusal({ record, commits, identities }: AutoMergeInput): string | null {
  const bot = record.update.bot;
  // Recognition only builds records for the bot's own PRs; checking again costs nothing and keeps this
  // function safe on its own. Logins are all the record keeps, so the id check is recognition's job.
  if (identifyBot({ login: record.author, id: 0, type: "Bot" }, identities) !== bot) {
    return `the pull request was opened by ${record.author}, not by ${bot}`;
  }
  if (commits === null) return "the pull request's commits could not be read";
  // An empty list would make "every commit is the bot's" true without checking anything.
  if (commits.length === 0) return "the pull request has no commits";
  // GitHub lists at most 250 commits of a PR: past that, "every commit" cannot be checked.
  if (commits.length >= MAX_LISTED_COMMITS) {
    return `the pull request has ${MAX_LISTED_COMMITS} or more commits, more than GitHub lists, so not all of them can be checked`;
  }
  for (const commit of commits) {
    const refusal = commitRefusal(commit, bot, record.author, identities);
    if (refusal !== null) return refusal;
  }
  return null;
}

/** GitHub lists at most this many commits of a pull request. */
export const MAX_LISTED_COMMITS = 250;

/** GitHub's own committer for commits made through the web or the API, bots' commits included. */
export const WEB_FLOW = { login: "web-flow", id: 19864447 } as const;

function commitRefusal(commit: CommitInfo, bot: Bot, prAuthor: string, identities: BotIdentities): string | null {
  if (commit.authorLogin === null) {
    return `commit "${headline(commit)}" has no GitHub author, so it cannot be shown to be from ${prAuthor}`;
  }
  if (identifyBot({ login: commit.authorLogin, id: commit.authorId ?? 0, type: "Bot" }, identities) !== bot) {
    return `a commit by ${commit.authorLogin} is not from ${prAuthor}`;
  }
  // Facts cached before committers were kept say nothing about who committed: not proof.
  if (commit.committerLogin === undefined || commit.committerLogin === null) {
    return `commit "${headline(commit)}" has no GitHub committer, so it cannot be shown to be from ${prAuthor}`;
  }
  const webFlow = commit.committerLogin.toLowerCase() === WEB_FLOW.login && commit.committerId === WEB_FLOW.id;
  const byBot = identifyBot({ login: commit.committerLogin, id: commit.committerId ?? 0, type: "Bot" }, identities) === bot;
  if (!webFlow && !byBot) return `a commit by ${commit.authorLogin} was committed by ${commit.committerLogin}, not by ${prAuthor}`;
  // An author is only an email address; the signature is what ties the commit to the bot.
  if (!commit.verified) return `commit "${headline(commit)}" by ${commit.authorLogin} is not verified`;
  return null;
}

function readinessRefusal({ draft, ci }: AutoMergeInput): string | null {
  if (draft) return "the pull request is a draft";
  if (ci === "failing") return "CI is failing";
  if (ci !== "passing") return "waiting for CI";
  return null;
}

function describeClass(slaClass: SlaClass): string {
  return slaClass.startsWith("security.") ? `${slaClass.slice("security.".length)}-severity security` : slaClass;
}

function headline(commit: CommitInfo): string {
  const first = commit.message.split("\n", 1)[0] ?? "";
  return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}
