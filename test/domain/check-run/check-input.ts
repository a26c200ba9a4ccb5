// PR check inputs for tests: a Dependabot patch update of the escalation fixture (SLA 7d; stages at 50%,
// 100%, 150%) opened at T0 = 2026-11-01 00:00 UTC, seen two days and three hours later with CI running.
import { planEscalation } from "../../../src/domain/escalation.js";
import type { PrCheckInput } from "../../../src/domain/check-run/pr-check-input.js";
import type { PullRequestRecord } from "../../../src/domain/pull-request-record.js";
import type { RecognisedUpdate } from "../../../src/domain/types.js";
import { DAY, HOUR, record, T0, update } from "../../helpers/records.js";
import { policy } from "../escalation/policy-fixture.js";

export const NOW = T0 + 2 * DAY + 3 * HOUR;

export interface CheckScenario extends Partial<Omit<PrCheckInput, "record" | "plan">> {
  update?: Partial<RecognisedUpdate>;
  record?: Partial<PullRequestRecord>;
}

export function checkInput(scenario: CheckScenario = {}): PrCheckInput {
  const { update: updateChange, record: recordChange, ...rest } = scenario;
  const now = rest.now ?? NOW;
  const pr = record({ number: 7, update: update(updateChange), ...recordChange });
  const usedPolicy = rest.policy ?? policy();
  const lineageStartedAt = rest.lineageStartedAt ?? T0;
  const snooze = rest.snooze ?? null;
  const plan = planEscalation({ record: pr, lineageStartedAt, policy: usedPolicy, now, postedStageIds: new Set(), snoozedUntil: snooze?.until ?? null });
  return {
    record: pr,
    plan,
    policy: usedPolicy,
    lineageStartedAt,
    now,
    ci: "pending",
    mergeable: true,
    snooze,
    acknowledged: null,
    autoMerge: { state: "off", reason: null },
    approval: null,
    ...rest,
  };
}

/** Text a user or a PR controls, trying every trick: mentions, HTML, a forged marker, links, references. */
export const HOSTILE = "@everyone <img src=x onerror=alert(1)> <!-- merge-discipline:nudge --> [click](https://evil.example) #1 www.evil.example";

/** Mentions as GitHub would see them: an @ straight before a login character. */
export const mentions = (text: string): string[] => text.match(/@[A-Za-z0-9]/g) ?? [];

/** The markdown outside code spans: inside one, `<img>` or `[x](…)` is shown as text and does nothing. */
export const outsideCode = (text: string): string => text.replace(/(`+)[\s\S]*?\1/g, "");
