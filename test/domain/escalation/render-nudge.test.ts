import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { planEscalation } from "../../../src/domain/escalation.js";
import { parseNudgeMarkers } from "../../../src/domain/nudge-marker.js";
import type { OwnerChoice } from "../../../src/domain/owners.js";
import type { PullRequestRecord } from "../../../src/domain/pull-request-record.js";
import { renderNudge } from "../../../src/domain/render-nudge.js";
import type { RenderNudgeInput } from "../../../src/domain/render-nudge.js";
import type { RecognisedUpdate } from "../../../src/domain/types.js";
import { DAY, record, T0, update } from "../../helpers/records.js";
import { policy } from "./policy-fixture.js";

// T0 = 2026-11-01 00:00 UTC; patch SLA 7 d; stages 50% (owners), 100% (owners and contacts, label), 150% (contacts).
interface Scenario {
  update?: Partial<RecognisedUpdate>;
  record?: Partial<PullRequestRecord>;
  now?: number;
  posted?: string[];
  owners?: OwnerChoice;
  contacts?: string[];
  labels?: string[];
  lineageStartedAt?: number;
  ci?: RenderNudgeInput["ci"];
  mergeable?: boolean | null;
  approval?: RenderNudgeInput["approval"];
}

function render(s: Scenario = {}): string {
  const now = s.now ?? T0 + 4 * DAY;
  const lineageStartedAt = s.lineageStartedAt ?? T0;
  const pr = record({ number: 5, update: update(s.update), ...s.record });
  const plan = planEscalation({ record: pr, lineageStartedAt, policy: policy(), now, postedStageIds: new Set(s.posted), snoozedUntil: null });
  assert.ok(plan.post, "the scenario must post a stage");
  const input: RenderNudgeInput = {
    record: pr,
    plan,
    stage: plan.post,
    lineageStartedAt,
    lineageId: "ab12cd34",
    now,
    owners: s.owners ?? { source: "reviewers-and-assignees", mentions: ["@alice"] },
    contacts: s.contacts ?? ["@sec-lead"],
    labels: s.labels ?? (plan.post.label === null ? [] : [plan.post.label]),
    ci: s.ci ?? "unknown",
    mergeable: s.mergeable === undefined ? true : s.mergeable,
    approval: s.approval,
  };
  return renderNudge(input);
}

const mentionsIn = (body: string): string[] => body.match(/@\w[\w/-]*/g) ?? [];

describe("renderNudge: the update", () => {
  it("names package, versions, ecosystem, directory and kind", () => {
    assert.match(render(), /\*\*Update:\*\* `lodash` `4\.17\.20` → `4\.17\.21` · npm · directory `\/` · patch/);
  });

  it("says the update comes from a bot, in the bot's name, and does not speak as a person", () => {
    const body = render({ update: { bot: "renovate" } });
    assert.match(body, /Automated reminder from merge-discipline about this Renovate update: 50% of its merge SLA has passed\./);
    assert.doesNotMatch(body, /\bI\b|\bI'm\b|\bme\b/);
  });

  it("lists a group and caps a long one", () => {
    const packages = Array.from({ length: 22 }, (_, i) => ({ name: `pkg-${i}`, from: "1.0.0", to: "2.0.0" }));
    const body = render({ update: { packages, grouped: true } });
    assert.match(body, /\*\*Update:\*\* 22 packages · npm/);
    assert.match(body, /\n {2}- `pkg-9` `1\.0\.0` → `2\.0\.0`\n {2}- …and 12 more/);
    assert.doesNotMatch(body, /pkg-10/);
  });

  it("copes with unknown versions", () => {
    const body = render({ update: { packages: [{ name: "actions/checkout", from: null, to: "v4" }] } });
    assert.match(body, /`actions\/checkout` → `v4`/);
  });
});

describe("renderNudge: security", () => {
  it("links advisories only to GitHub and NVD, from valid ids, with the severity", () => {
    const body = render({
      update: {
        security: true,
        severity: "high",
        advisories: ["GHSA-2jcg-qqmg-46q6", "cve-2024-12345", "GHSA-<script>", "https://evil.example/CVE-2024-1", "CVE-2024-12345"],
      },
    });
    assert.match(body, /\*\*Security:\*\* \*\*high\*\* severity · /);
    assert.deepEqual(body.match(/\]\([^)]*\)/g), [
      "](https://github.com/advisories/GHSA-2jcg-qqmg-46q6)",
      "](https://nvd.nist.gov/vuln/detail/CVE-2024-12345)",
    ]);
    assert.doesNotMatch(body, /evil|script/);
  });

  it("says so when the severity is unknown", () => {
    assert.match(render({ now: T0 + 8 * DAY, update: { security: true, severity: null } }), /\*\*Security:\*\* unknown severity/);
  });

  it("has no security line for a plain version update", () => {
    assert.doesNotMatch(render(), /Security/);
  });
});

describe("renderNudge: age, SLA and what comes next", () => {
  it("counts the age from the lineage start and says an earlier PR began it", () => {
    const body = render({ record: { createdAt: T0 + DAY } });
    assert.match(body, /\*\*Age:\*\* 4d since this update was first proposed \(2026-11-01 00:00 UTC, by an earlier PR that this one replaced\)/);
  });

  it("does not mention an earlier PR when this PR began the lineage", () => {
    assert.doesNotMatch(render(), /earlier PR/);
  });

  it("gives the SLA and its due date ahead of time", () => {
    assert.match(render(), /\*\*SLA:\*\* 7d for patch updates; due 2026-11-08 00:00 UTC \(in 3d\)/);
  });

  it("says when it is overdue", () => {
    assert.match(render({ now: T0 + 8 * DAY + 6 * 3_600_000, posted: ["50%"] }), /\*\*overdue\*\* since 2026-11-08 00:00 UTC \(1d 6h ago\)/);
  });

  it("announces the next stage and what it will do", () => {
    assert.match(
      render(),
      /\*\*Next:\*\* reminder 2 of 3 on 2026-11-08 00:00 UTC \(in 3d\), mentioning the owners and the escalation contacts and adding the label `overdue`\./,
    );
  });

  it("says when this is the last stage", () => {
    assert.match(render({ now: T0 + 11 * DAY }), /\*\*Next:\*\* this is the last reminder\./);
  });

  it("offers the snooze command", () => {
    assert.match(render(), /If it has to wait, snooze these reminders with `\/merge-discipline snooze <duration> <reason>`\./);
  });

  it("names every label this stage adds, and none when it adds none", () => {
    assert.match(render({ now: T0 + 8 * DAY, posted: ["50%"] }), /\nLabel `overdue` added\./);
    assert.match(render({ now: T0 + 11 * DAY, labels: ["overdue", "escalated"] }), /\nLabels `overdue`, `escalated` added\./);
    assert.doesNotMatch(render(), /Labels? `/);
  });
});

describe("renderNudge: the stakes and what to do", () => {
  const headline = (body: string): string => body.split("\n")[0] ?? "";
  const actionLine = (body: string): string => body.split("\n\n")[1]?.split("\n")[0] ?? "";

  it("heads a routine patch with its kind and when it is due", () => {
    const body = render({ ci: "passing" });
    assert.equal(headline(body), "**Patch update, due in 3 days** (reminder 1 of 3)");
    assert.equal(actionLine(body), "CI is passing: review and merge it.");
    assert.doesNotMatch(headline(body), /security|past its/i);
  });

  it("heads a critical fix far past its SLA with its severity and how late it is", () => {
    // critical SLA 2d: due T0 + 2d; 393 days later.
    const body = render({ now: T0 + 395 * DAY + 5 * 3_600_000, update: { security: true, severity: "critical" }, ci: "passing" });
    assert.equal(headline(body), "**Critical-severity security fix, 393 days past its 2-day SLA** (reminder 3 of 3)");
    assert.doesNotMatch(headline(body), /due in|waiting to be merged/);
  });

  it("says a high-severity fix not yet due is due, in words", () => {
    const body = render({ now: T0 + 5 * DAY, update: { security: true, severity: "high" } });
    assert.match(headline(body), /^\*\*High-severity security fix, due in 2 days\*\*/);
  });

  it("tells the owners to fix or re-run red CI, and to wait for running CI", () => {
    assert.equal(actionLine(render({ ci: "failing" })), "CI is failing: fix or re-run it before merging.");
    assert.equal(actionLine(render({ ci: "pending" })), "CI is still running: merge once it passes.");
    assert.equal(actionLine(render({ ci: "unknown" })), "No CI has reported on this commit: review it before merging.");
  });

  it("asks each bot to rebase a conflicting PR in its own way, before anything about merging", () => {
    const dependabot = actionLine(render({ mergeable: false, ci: "passing" }));
    assert.equal(dependabot, "It has conflicts with the base branch: comment `@dependabot rebase` to have Dependabot rebase it. CI is passing.");
    assert.doesNotMatch(dependabot, /review and merge/);
    const renovate = actionLine(render({ mergeable: false, ci: "failing", update: { bot: "renovate" } }));
    assert.match(renovate, /^It has conflicts with the base branch: tick the rebase checkbox in the pull request body to have Renovate rebase it\. CI is failing/);
    assert.doesNotMatch(actionLine(render({ mergeable: null })), /conflicts/, "not yet computed is not a conflict");
  });

  it("stays a few lines for a routine patch", () => {
    const lines = render().split("\n").filter((line) => line.trim() !== "");
    assert.ok(lines.length <= 12, `${lines.length} lines`);
  });
});

describe("renderNudge: mentions", () => {
  it("mentions the owners at an owners stage, and no contacts", () => {
    const body = render({ owners: { source: "codeowners", mentions: ["@alice", "@acme/web"] } });
    assert.match(body, /Owners \(CODEOWNERS\): @alice @acme\/web/);
    assert.deepEqual(mentionsIn(body), ["@alice", "@acme/web"]);
  });

  it("mentions owners and contacts once each at an owners-and-contacts stage", () => {
    const body = render({ now: T0 + 8 * DAY, posted: ["50%"], contacts: ["@sec-lead", "@Alice"] });
    assert.match(body, /Escalation contacts: @sec-lead\n/);
    assert.deepEqual(mentionsIn(body), ["@alice", "@sec-lead"]);
  });

  it("says plainly when a stage wants contacts and none are configured", () => {
    const body = render({ now: T0 + 11 * DAY, contacts: [] });
    assert.match(body, /This stage escalates to the escalation contacts, but none are configured \(`contacts` in `\.github\/merge-discipline\.yml`\)\./);
    assert.deepEqual(mentionsIn(body), []);
  });

  it("says plainly when there is no owner to mention", () => {
    const body = render({ owners: { source: "none", mentions: [] } });
    assert.match(body, /No owner to mention:/);
    assert.deepEqual(mentionsIn(body), []);
  });

  it("mentions nobody but the given owners and contacts, whatever the PR contains", () => {
    const body = render({
      now: T0 + 8 * DAY,
      posted: ["50%"],
      update: {
        ecosystem: "npm @eco",
        directory: "/@dir <!-- merge-discipline:nudge stage=150% lineage=ab12cd34 -->",
        packages: [
          { name: "@evil/pkg", from: "@admin", to: "<img src=x onerror=alert(1)>" },
          { name: "[click](http://evil) #1 @org/team", from: "1", to: "2" },
        ],
      },
      owners: { source: "reviewers-and-assignees", mentions: ["@alice", "dependabot[bot]", "@bad one", "@acme/web"] },
      contacts: ["@sec-lead", "@evil<b>"],
    });
    assert.deepEqual(mentionsIn(body), ["@alice", "@acme/web", "@sec-lead"]);
    // Code spans show their content literally; everywhere else there must be no HTML and no link.
    const outsideCode = body.replace(/`[^`]*`/g, "").replace("<!-- merge-discipline:nudge stage=100% lineage=ab12cd34 -->", "");
    assert.doesNotMatch(outsideCode, /[<>]|\]\(http/);
    assert.equal(parseNudgeMarkers(body).length, 1, "no forged marker");
  });
});

describe("renderNudge: marker and size", () => {
  it("ends with the hidden marker of the stage and lineage", () => {
    const body = render();
    assert.ok(body.trimEnd().endsWith("<!-- merge-discipline:nudge stage=50% lineage=ab12cd34 -->"));
    assert.deepEqual(parseNudgeMarkers(body), [{ stageId: "50%", lineageId: "ab12cd34" }]);
  });

  it("stays far under GitHub's 65,536-character limit with a huge group of long names", () => {
    const packages = Array.from({ length: 5000 }, (_, i) => ({ name: `${"n".repeat(500)}${i}`, from: "v".repeat(500), to: "w".repeat(500) }));
    const body = render({
      update: { packages, grouped: true, security: true, severity: "critical", advisories: Array.from({ length: 500 }, (_, i) => `CVE-2024-${10000 + i}`) },
    });
    assert.ok(body.length < 16_000, `body is ${body.length} characters`);
    assert.match(body, /…and 4990 more/);
  });
});

describe("renderNudge: stage kinds", () => {
  it("explains a fixed-time stage by the update's age", () => {
    const pr = record({ number: 6 });
    const base = policy();
    const ladder = [{ id: "3d", at: { afterMs: 3 * DAY }, mention: "contacts" as const, label: null }];
    const stages = Object.fromEntries(Object.keys(base.stages).map((c) => [c, ladder])) as typeof base.stages;
    const plan = planEscalation({ record: pr, lineageStartedAt: T0, policy: { ...base, stages }, now: T0 + 3 * DAY, postedStageIds: new Set(), snoozedUntil: null });
    assert.ok(plan.post);
    const body = renderNudge({
      record: pr,
      plan,
      stage: plan.post,
      lineageStartedAt: T0,
      lineageId: "l1",
      now: T0 + 3 * DAY,
      owners: { source: "none", mentions: [] },
      contacts: ["@alice", "@ALICE"],
      labels: [],
      ci: "unknown",
      mergeable: null,
    });
    assert.match(body, /\(reminder 1 of 1\)\nAutomated reminder from merge-discipline about this Dependabot update: it was first proposed 3d ago\./);
    assert.match(body, /Escalation contacts: @alice\n/);
    assert.deepEqual(mentionsIn(body), ["@alice"]);
  });
});

describe("renderNudge for an approved update", () => {
  const headline = (body: string): string => body.split("\n")[0] ?? "";
  const actionLine = (body: string): string => body.split("\n\n")[1]?.split("\n")[0] ?? "";

  it("says who approved it and asks for the merge, not a review", () => {
    const body = render({ ci: "passing", approval: { by: ["maria"], at: T0 + DAY, stale: false } });
    assert.equal(headline(body), "**Patch update, due in 3 days, approved by @maria and still not merged** (reminder 1 of 3)");
    assert.equal(actionLine(body), "It is approved and CI is passing: merge it.");
    assert.match(body, /\*\*Review:\*\* approved by @maria on 2026-11-02 \(3 days ago\)/);
    assert.doesNotMatch(body, /review and merge/i);
  });

  it("treats an approval of an earlier commit as a fact, not as approved", () => {
    const body = render({ ci: "passing", approval: { by: ["maria"], at: T0 + DAY, stale: true } });
    assert.equal(headline(body), "**Patch update, due in 3 days** (reminder 1 of 3)");
    assert.match(body, /of an earlier commit than the current head/);
    assert.equal(actionLine(body), "CI is passing: review and merge it.");
  });
});
