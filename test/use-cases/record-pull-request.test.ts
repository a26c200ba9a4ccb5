import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { pino } from "pino";
import { Writable } from "node:stream";
import { DEFAULT_BOT_IDENTITIES } from "../../src/domain/bot-identity.js";
import type { PullRequestSnapshot } from "../../src/domain/pull-request-snapshot.js";
import type { CommitInfo } from "../../src/domain/types.js";
import { oncePerDelivery } from "../../src/handlers/once-per-delivery.js";
import { MemoryJobQueue } from "../../src/queue/memory-job-queue.js";
import { MemoryEvaluationScheduler } from "../../src/queue/memory-evaluation-scheduler.js";
import { stubGitHubReads } from "../helpers/stub-github-reads.js";
import { MemoryDeliveryLog } from "../../src/store/memory-delivery-log.js";
import { MemoryPullRequestStore } from "../../src/store/memory-pull-request-store.js";
import { enrichPullRequest } from "../../src/use-cases/enrich-pull-request.js";
import { recordPullRequest } from "../../src/use-cases/record-pull-request.js";
import { T0 } from "../helpers/records.js";

function capturingLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: "debug" }, stream), lines };
}

function snapshot(overrides: Partial<PullRequestSnapshot["facts"]> = {}): PullRequestSnapshot {
  return {
    ref: { installationId: 1, repoId: 10, number: 3 },
    repo: "acme/web",
    headSha: "abc123",
    merged: false,
    createdAt: T0,
    updatedAt: T0,
    mergedAt: null,
    closedAt: null,
    people: { requestedReviewers: [], requestedTeams: [], assignees: [] },
    nodeId: "PR_3",
    draft: false,
    mergeable: null,
    facts: {
      title: "Bump the dev group with 2 updates",
      body: "",
      headRef: "dependabot/npm_and_yarn/dev-5f2a",
      author: { login: "dependabot[bot]", id: 49699333, type: "Bot" },
      labels: [],
      ...overrides,
    },
  };
}

const GROUP_COMMIT: CommitInfo = {
  message: [
    "Bump the dev group with 2 updates",
    "",
    "---",
    "updated-dependencies:",
    "- dependency-name: eslint",
    "  dependency-type: direct:development",
    "  update-type: version-update:semver-major",
    "  dependency-group: dev",
    "- dependency-name: prettier",
    "  dependency-type: direct:development",
    "  update-type: version-update:semver-patch",
    "  dependency-group: dev",
    "...",
  ].join("\n"),
  authorLogin: "dependabot[bot]",
  verified: true,
};

function deps() {
  const { log, lines } = capturingLog();
  return {
    store: new MemoryPullRequestStore(),
    queue: new MemoryJobQueue(),
    scheduler: new MemoryEvaluationScheduler(),
    identities: DEFAULT_BOT_IDENTITIES,
    now: () => T0 + 1000,
    log,
    lines,
  };
}

describe("recordPullRequest", () => {
  it("queues one enrichment when title and body leave the update open, and reads commits once", async () => {
    const d = deps();
    const outcome = await recordPullRequest(d, snapshot());
    assert.deepEqual(outcome, { kind: "recorded", outcome: "created", enrichQueued: true });
    await recordPullRequest(d, snapshot()); // a second event for the same head
    assert.equal(d.queue.jobs.length, 1, "same PR and head SHA → one job");

    let reads = 0;
    const github = async () =>
      stubGitHubReads({
        listPullRequestCommits: async () => {
          reads += 1;
          return [GROUP_COMMIT];
        },
      });
    await enrichPullRequest({ ...d, github }, snapshot());
    await enrichPullRequest({ ...d, github }, snapshot());
    assert.equal(reads, 1, "commits are cached by head SHA");
    const record = await d.store.get(snapshot().ref);
    assert.equal(record?.enriched, true);
    assert.equal(record?.update.updateType, "major");
    assert.deepEqual(record?.update.packages.map((p) => p.name).sort(), ["eslint", "prettier"]);
    assert.deepEqual([...d.scheduler.requested.values()], [6], "an open PR is evaluated shortly");
  });

  it("cancels the pending evaluation when the PR merges", async () => {
    const d = deps();
    await recordPullRequest(d, snapshot({ title: "Bump lodash from 4.17.20 to 4.17.21", headRef: "dependabot/npm_and_yarn/lodash-4.17.21" }));
    assert.equal(d.scheduler.requested.size, 1);
    await d.scheduler.schedule(snapshot().ref, "acme/web", T0 + 86_400_000, 8); // the ladder's next look
    await recordPullRequest(d, { ...snapshot({ title: "Bump lodash from 4.17.20 to 4.17.21", headRef: "dependabot/npm_and_yarn/lodash-4.17.21" }), merged: true, mergedAt: T0 + 5, closedAt: T0 + 5, updatedAt: T0 + 5 });
    assert.equal(d.scheduler.pending.size, 0);
  });

  it("does not record an impostor and logs it as suspected", async () => {
    const d = deps();
    const outcome = await recordPullRequest(d, snapshot({ author: { login: "mallory", id: 7, type: "User" }, title: "Bump lodash from 1.0.0 to 1.0.1" }));
    assert.equal(outcome.kind, "impostor");
    assert.equal(await d.store.get(snapshot().ref), null);
    assert.ok(d.lines.some((l) => String(l.msg).startsWith("suspected impostor") && l.author === "mallory"));
  });

  it("ignores a human's ordinary PR", async () => {
    const d = deps();
    const outcome = await recordPullRequest(d, snapshot({ author: { login: "alice", id: 8, type: "User" }, title: "Fix typo", headRef: "fix-typo" }));
    assert.deepEqual(outcome, { kind: "ignored" });
  });
});

describe("oncePerDelivery", () => {
  it("runs work once per delivery id, and again after a failure released it", async () => {
    const deliveries = new MemoryDeliveryLog();
    const { log } = capturingLog();
    let runs = 0;
    await oncePerDelivery(deliveries, "d1", log, async () => void runs++);
    await oncePerDelivery(deliveries, "d1", log, async () => void runs++);
    assert.equal(runs, 1);
    await assert.rejects(oncePerDelivery(deliveries, "d2", log, async () => Promise.reject(new Error("redis down"))));
    await oncePerDelivery(deliveries, "d2", log, async () => void runs++);
    assert.equal(runs, 2);
    await oncePerDelivery(deliveries, "d2", log, async () => void runs++);
    assert.equal(runs, 2, "completed: a redelivery is skipped");
  });
});
