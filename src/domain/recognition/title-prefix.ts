// Both bots copy the repository's commit convention (or a configured prefix) into the PR title; strip it before
// reading the title. Only the text changes: identity alone decides whose PR it is.
import { boundedTitle } from "./input-bounds.js";

export interface StrippedTitle {
  /** The title without commit-convention prefix, security marker and squash-merge suffix. */
  text: string;
  /** The title carried Dependabot's `[Security]` prefix or Renovate's `[SECURITY]` suffix. */
  securityMarker: boolean;
}

// `build(deps):`, `chore(deps-dev):`, `fix(deps)!:`, `deps:`, ESLint's `Upgrade:`; one word, so "Bump x: y" is safe.
const CONVENTIONAL = /^[A-Za-z][\w-]*(?:\([^()\n]{0,60}\))?!?:\s+/;
// Gitmoji and emoji prefixes: `⬆️ `, `⬆️🔒 `, `:arrow_up: `, `:arrow_up::lock: `, Renovate's `🆙 `, `:seedling: `.
const GITMOJI = /^(?:(?::[a-z0-9_+-]{1,40}:)+|(?:\p{Extended_Pictographic}|\u2B06|\p{Emoji_Modifier}|[\uFE0F\u200D])+)\s*/u;
// Bracketed tags from `commit-message.prefix` / `commitMessagePrefix`: `[deps] `, `[bot]: `, `[JIRA-123] `.
const BRACKET_TAG = /^\[(?!security\])[^[\]\n]{1,60}\]:?\s+/i;
const SECURITY_PREFIX = /^\[security\]\s*/i;
// Renovate adds the base branch after its suffix: "… to v6.2.3 [SECURITY] (main)".
const SECURITY_SUFFIX = /\s*\[security\](?=(?:\s+\([^()]{1,100}\))*$)/i;
// Squash merges and some mirrors append the PR number: "… digest to 05b42c6 (#549)".
const PR_NUMBER_SUFFIX = /\s+\(#\d+\)$/;
// Renovate renames PRs it gave up on: "Update dependency x to v2 - autoclosed".
const RENOVATE_STATE_SUFFIX = /\s+-\s+(?:autoclosed|abandoned)$/i;

export function stripTitle(title: string): StrippedTitle {
  // Every title reader starts here, so this cap bounds what any title pattern ever sees.
  let text = boundedTitle(title).replace(/\s+/g, " ").trim();
  let securityMarker = false;
  for (let round = 0; round < 4; round += 1) {
    const before = text;
    text = text.replace(PR_NUMBER_SUFFIX, "").replace(RENOVATE_STATE_SUFFIX, "");
    if (SECURITY_SUFFIX.test(text) || SECURITY_PREFIX.test(text)) securityMarker = true;
    text = text.replace(SECURITY_SUFFIX, "").replace(SECURITY_PREFIX, "");
    const gitmoji = GITMOJI.exec(text)?.[0] ?? "";
    // Dependabot adds the lock emoji to its gitmoji prefix for security updates.
    if (/\u{1F512}|:lock:/u.test(gitmoji)) securityMarker = true;
    text = text.slice(gitmoji.length).replace(CONVENTIONAL, "").replace(BRACKET_TAG, "");
    if (text === before) break;
  }
  return { text: text.trim(), securityMarker };
}
