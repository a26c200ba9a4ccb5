// Recognition runs on every webhook: how many PRs per second it classifies, over the real formats in
// the test fixtures (titles, bodies, tables), and on a worst-case 64 KB body.
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

export function recognitionThroughput(): string[] {
  const facts = RECOGNITION_CASES.map((c) => factsOf(c.facts as Partial<PullRequestFacts>));
  const huge = factsOf({ title: "Bump lodash from 4.17.20 to 4.17.21", body: "| a | `1.0.0` -> `2.0.0` |\n".repeat(2800), headRef: "dependabot/npm_and_yarn/lodash-4.17.21" });
  perSecond(facts, 20); // warm-up
  return [
    `Recognition: ${perSecond(facts, 200).toFixed(0)} PRs/s over the ${facts.length} real-format fixtures; ` +
      `${perSecond([huge], 200).toFixed(0)} PRs/s for a ${Math.round(huge.body.length / 1024)} KB body.`,
  ];
}
