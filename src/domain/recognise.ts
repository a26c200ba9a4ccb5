// Is this pull request a Dependabot or Renovate update, an impostor of one, or neither?
import { identifyBot, lookalikeEvidence } from "./bot-identity.js";
import { dependabotUpdate } from "./recognition/dependabot-update.js";
import { boundedText, boundedTitle } from "./recognition/input-bounds.js";
import { renovateUpdate } from "./recognition/renovate-update.js";
import type { Bot, BotIdentities, PullRequestFacts, RecognisedUpdate, Recognition } from "./types.js";

/**
 * Identity decides whether a PR is a bot's; its title, body and branch only describe the update. A PR that
 * looks like a bot's but was opened by someone else is reported as an impostor, never as an update.
 * Never throws: it runs on every webhook, and a text nobody anticipated must degrade to a less detailed
 * update, not to a failed delivery.
 */
export function recognise(facts: PullRequestFacts, identities: BotIdentities): Recognition {
  let safe: PullRequestFacts;
  let bot: Bot | null;
  try {
    safe = sanitised(facts);
    bot = identifyBot(safe.author, identities);
  } catch {
    return { kind: "not-a-bot-pr" };
  }
  if (bot) {
    try {
      if (bot === "renovate") return { kind: "update", update: renovateUpdate(safe), needsCommits: false };
      return { kind: "update", ...dependabotUpdate(safe, identities) };
    } catch {
      return { kind: "update", update: bare(bot), needsCommits: bot === "dependabot" && safe.commits === undefined };
    }
  }
  try {
    const lookalike = lookalikeEvidence(safe, identities);
    return lookalike ? { kind: "impostor", ...lookalike } : { kind: "not-a-bot-pr" };
  } catch {
    return { kind: "not-a-bot-pr" };
  }
}

function bare(bot: Bot): RecognisedUpdate {
  return {
    bot,
    ecosystem: null,
    directory: null,
    packages: [],
    updateType: "other",
    security: false,
    advisories: [],
    severity: null,
    grouped: false,
  };
}

/**
 * Facts come from JSON at the edge; recognition must not trip over a field that slipped through untyped, nor
 * spend longer on a megabyte of text than on what GitHub would ever send.
 */
function sanitised(facts: PullRequestFacts): PullRequestFacts {
  const text = (value: unknown): string => (typeof value === "string" ? value : "");
  const author = (facts.author ?? {}) as Partial<PullRequestFacts["author"]>;
  const safe: PullRequestFacts = {
    title: boundedTitle(text(facts.title)),
    body: boundedText(text(facts.body)),
    headRef: boundedTitle(text(facts.headRef)),
    author: { login: text(author.login), id: typeof author.id === "number" ? author.id : 0, type: text(author.type) },
    labels: Array.isArray(facts.labels) ? facts.labels.filter((label): label is string => typeof label === "string") : [],
  };
  if (Array.isArray(facts.commits)) safe.commits = facts.commits;
  return safe;
}
