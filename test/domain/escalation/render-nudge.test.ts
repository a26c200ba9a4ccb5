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
  label?: string | null;
  lineageStartedAt?: number;
  ci?: RenderNudgeInput["ci"];
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
    label: s.label === undefined ? plan.post.label : s.label,
    ci: s.ci,
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
    assert.match(body, /This Renovate update is waiting to be merged/);
    assert.match(body, /Automated reminder from merge-discipline: 50% of its merge SLA has passed\./);
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

  it("tells what to do, including the snooze command", () => {
    const body = render();
    assert.match(body, /\*\*What to do now:\*\* Review and merge this pull request\./);
    assert.match(body, /`\/merge-discipline snooze <duration> <reason>`/);
  });

  it("says what CI asks for: merge when green, fix when red", () => {
    assert.match(render({ ci: "passing" }), /\*\*ready to merge\*\*/);
    assert.match(render({ ci: "failing" }), /\*\*this update needs a fix\*\*/);
    assert.doesNotMatch(render({ ci: "pending" }), /ready to merge|needs a fix/);
  });

  it("names the label this stage adds", () => {
    assert.match(render({ now: T0 + 8 * DAY, posted: ["50%"] }), /Label `overdue` added\./);
    assert.doesNotMatch(render(), /Label `/);
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
      label: null,
    });
    assert.match(body, /\(reminder 1 of 1\)\nAutomated reminder from merge-discipline: it was first proposed 3d ago\./);
    assert.match(body, /Escalation contacts: @alice\n/);
    assert.deepEqual(mentionsIn(body), ["@alice"]);
  });
});
