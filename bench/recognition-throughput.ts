// Recognition runs on every webhook: how many PRs per second it classifies over the real formats in the test
// fixtures, and how long the worst inputs found so far take at two sizes — a linear reader takes about four
// times as long for four times the text, a quadratic one sixteen times (or hangs).
import { performance } from "node:perf_hooks";
import { DEFAULT_BOT_IDENTITIES } from "../src/domain/bot-identity.js";
import { recognise } from "../src/domain/recognise.js";
import type { PullRequestFacts } from "../src/domain/types.js";
import { RECOGNITION_CASES } from "../test/fixtures/recognition-cases.js";

function factsOf(partial: Partial<PullRequestFacts> & { login?: string }): PullRequestFacts {
  return {
    title: partial.title ?? "",
    body: partial.body ?? "",
    headRef: partial.headRef ?? "",
    author: partial.author ?? { login: partial.login ?? "dependabot[bot]", id: 49699333, type: "Bot" },
    labels: partial.labels ?? [],
  };
}

function perSecond(facts: PullRequestFacts[], rounds: number): number {
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of facts) recognise(f, DEFAULT_BOT_IDENTITIES);
  return (facts.length * rounds) / ((performance.now() - start) / 1000);
}

function milliseconds(facts: PullRequestFacts): number {
  return 1000 / perSecond([facts], 5);
}

/** Inputs that took quadratic time before the readers were capped and their patterns made linear. */
const WORST: Array<{ label: string; facts: (size: number) => Partial<PullRequestFacts> & { login?: string } }> = [
  { label: 'title "Bump a from from …" (human author)', facts: (n) => ({ title: "Bump a" + " from".repeat(n / 5), login: "octocat" }) },
  { label: 'title "Bump a from from …" (Dependabot)', facts: (n) => ({ title: "Bump a" + " from".repeat(n / 5) }) },
  { label: "body of repeated `<details`", facts: (n) => ({ title: "Bump a from 1 to 2", body: "<details".repeat(n / 8) }) },
  { label: "group sentence ending in a run of `[`", facts: (n) => ({ body: "Bumps the g group with 2 updates: " + "[".repeat(n) }) },
  { label: "Renovate title of custom action words and parentheses", facts: (n) => ({ login: "renovate[bot]", title: "unlock and update " + "a (b) ".repeat(n / 6) + "to ~> " }) },
  { label: "Renovate table names full of `&#8203;` and `&`", facts: (n) => ({ login: "renovate[bot]", body: "| Package | Change |\n|---|---|\n| [@&#8203;" + "&#".repeat(n / 2) + "](x) | `1` -> `2` |" }) },
  { label: "Dependabot hyphen branch of many `-and-` parts", facts: (n) => ({ title: "Bump " + "a, ".repeat(n / 3) + "and b", headRef: "dependabot-npm_and_yarn-" + "a-and-".repeat(n / 6) }) },
  { label: "Renovate table cell without backticks", facts: (n) => ({ login: "renovate[bot]", body: "| Package | Change |\n|---|---|\n| a | " + "a".repeat(n) + " |" }) },
];

export function recognitionThroughput(): string[] {
  const facts = RECOGNITION_CASES.map((c) => factsOf(c.facts as Partial<PullRequestFacts>));
  const huge = factsOf({ title: "Bump lodash from 4.17.20 to 4.17.21", body: "| a | `1.0.0` -> `2.0.0` |\n".repeat(2800), headRef: "dependabot/npm_and_yarn/lodash-4.17.21" });
  perSecond(facts, 20); // warm-up
  const lines = [
    `Recognition: ${perSecond(facts, 200).toFixed(0)} PRs/s over the ${facts.length} real-format fixtures; ` +
      `${perSecond([huge], 200).toFixed(0)} PRs/s for a ${Math.round(huge.body.length / 1024)} KB body.`,
    "",
    "| worst input | 16 KB | 64 KB | 1 MB |",
    "|---|---|---|---|",
  ];
  for (const worst of WORST) {
    const times = [16_384, 65_536, 1_048_576].map((size) => `${milliseconds(factsOf(worst.facts(size))).toFixed(1)} ms`);
    lines.push(`| ${worst.label} | ${times.join(" | ")} |`);
  }
  return lines;
}
