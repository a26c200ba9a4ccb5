// Issue #8, point 2: repositories added and removed, an installation suspended, and uninstalled — jobs
// for places the app left never reach GitHub, and an uninstall leaves no data and no scheduler behind.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest, RENOVATE } from "../helpers/pull-requests.js";

const DAY = 86_400_000;
const ago = (days: number): string => new Date(Date.now() - days * DAY).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Keys that hold something about installation `id` (BullMQ's own bookkeeping keys excepted). */
function keysOfInstallation(keys: string[], id: number, org: string): string[] {
  const job = new RegExp(`^\\{merge-discipline\\}:merge-discipline:(?:repeat:)?[a-z-]+-${id}(?:-|:|$)`);
  const data = new RegExp(`^\\{merge-discipline\\}:(?:repo|installation|budget|digest|uninstalled):${id}(?::|$)`);
  return keys.filter((key) => job.test(key) || data.test(key) || key.toLowerCase().includes(`repo-name:${org}/`));
}

describe("repositories added and removed, suspend, uninstall (end to end)", () => {
  let h: Harness;
  let redis: Redis;
  let queue: Queue;
  let queueConnection: Redis;
  const finished = async (id: number) =>
    eventually(async () => (await redis.hget(`{merge-discipline}:installation:${id}:backfill`, "finishedAt")) !== null, 60_000);

  before(async () => {
    h = await startHarness();
    redis = new Redis(h.redis.url);
    queueConnection = new Redis(h.redis.url, { maxRetriesPerRequest: null });
    queue = new Queue("merge-discipline", { connection: queueConnection, prefix: "{merge-discipline}" });
    h.fake.addRepo({ owner: "acme", name: "api" });
    h.fake.addRepo({ owner: "acme", name: ".github" });
    h.fake.addRepo({ owner: "acme", name: "extra", installationId: null });
    h.fake.addInstallation({ id: 2, account: "globex" });
    h.fake.addRepo({ owner: "globex", name: "app" });
    openPullRequest(h.fake, "acme/api", { at: ago(3), user: DEPENDABOT, title: "Bump ms from 2.1.2 to 2.1.3", head: { ref: "dependabot/npm_and_yarn/ms-2.1.3" } });
    openPullRequest(h.fake, "acme/extra", { at: ago(40), user: RENOVATE, title: "Update dependency express to v4.19.0", head: { ref: "renovate/express-4.x" } });
    openPullRequest(h.fake, "globex/app", { at: ago(2), user: RENOVATE, title: "Update dependency vite to v5.4.0", head: { ref: "renovate/vite-5.x" } });
    h.fake.setNow(new Date());
    await h.installationEvent("created");
    await h.installationEvent("created", { installationId: 2 });
    await finished(1);
    await finished(2);
  });
  after(async () => {
    await queue?.close();
    queueConnection?.disconnect();
    redis?.disconnect();
    await h?.stop();
  });

  const headOf = (repo: string, n: number) => String((h.fake.pull(repo, n).head as { sha: string }).sha);
  const ownChecks = (repo: string, n: number) => h.fake.checkRuns(repo, headOf(repo, n)).filter((c) => c.name === "merge-discipline");

  it("backfills a repository added to the installation", async () => {
    assert.equal(ownChecks("acme/extra", 1).length, 0);
    await h.repositoriesEvent("added", ["acme/extra"]);
    await eventually(() => ownChecks("acme/extra", 1).length === 1, 30_000);
    assert.ok(await redis.exists("{merge-discipline}:repo-name:acme/extra"));
  });

  it("cancels a removed repository's jobs and deletes its data", async () => {
    const repoId = Number(h.fake.repositoryPayload("acme/extra").id);
    const pendingFor = async () => (await queue.getJobs(["delayed", "waiting", "prioritized"])).filter((j) => j.data?.ref?.repoId === repoId || j.data?.repoId === repoId);
    await eventually(async () => (await pendingFor()).length > 0, 15_000);
    await h.repositoriesEvent("removed", ["acme/extra"]);
    await eventually(async () => (await redis.keys(`{merge-discipline}:repo:1:${repoId}:*`)).length === 0, 15_000);
    assert.deepEqual(await pendingFor(), []);
    assert.equal(await redis.exists("{merge-discipline}:repo-name:acme/extra"), 0);

    // A delivery about the removed repo that arrives late records nothing.
    assert.equal((await h.pullRequestEvent("edited", "acme/extra", 1)).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(await redis.keys(`{merge-discipline}:repo:1:${repoId}:*`), []);
    assert.equal(await redis.exists("{merge-discipline}:repo-name:acme/extra"), 0);
  });

  it("sends nothing to GitHub for a suspended installation, and catches up on unsuspend", async () => {
    await h.installationEvent("suspend");
    const before = h.fake.requests.length;
    const record = JSON.parse(String(await redis.hget(`{merge-discipline}:repo:1:${h.fake.repositoryPayload("acme/api").id}:pr:1`, "json"))) as { repoId: number };
    await h.app.runJob({ name: "evaluate-pull-request", data: { ref: { installationId: 1, repoId: record.repoId, number: 1 }, repo: "acme/api", at: Date.now() } });
    await h.app.runJob({ name: "publish-digest", data: { installationId: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.deepEqual(h.fake.requests.slice(before).map((r) => `${r.method} ${r.path}`), [], "not even a token is asked for");
    await h.installationEvent("unsuspend");
    await eventually(() => h.fake.requests.slice(before).some((r) => r.path === "/repos/acme/api/pulls"), 15_000);
  });

  it("deletes every key and both schedulers of an uninstalled installation, and keeps the others'", async () => {
    await finished(1);
    const keysBefore = keysOfInstallation(await redis.keys("*"), 1, "acme");
    assert.ok(keysBefore.length > 20, `installation 1 had data (${keysBefore.length} keys)`);
    const schedulerIds = async () => (await queue.getJobSchedulers()).map((s) => s.key ?? s.id).sort();
    assert.ok((await schedulerIds()).includes("digest-1"));
    const othersBefore = keysOfInstallation(await redis.keys("*"), 2, "globex").filter((k) => !k.includes(":merge-discipline:")).sort();

    await h.installationEvent("deleted");
    const left = await eventually(async () => {
      const keys = keysOfInstallation(await redis.keys("*"), 1, "acme");
      return keys.length <= 1 && keys;
    }, 30_000).catch(async (error: unknown) => {
      console.log(keysOfInstallation(await redis.keys("*"), 1, "acme"));
      throw error;
    });
    assert.deepEqual(left, ["{merge-discipline}:uninstalled:1"], "only the tombstone stays, and it expires");
    assert.ok((await redis.ttl("{merge-discipline}:uninstalled:1")) > 0);
    assert.deepEqual((await schedulerIds()).filter((id) => /-1$/.test(String(id))), []);
    assert.deepEqual((await schedulerIds()).filter((id) => /-2$/.test(String(id))), ["digest-2", "reconcile-2"]);
    const othersAfter = keysOfInstallation(await redis.keys("*"), 2, "globex").filter((k) => !k.includes(":merge-discipline:")).sort();
    assert.deepEqual(othersBefore.filter((k) => !othersAfter.includes(k)), [], "the other installation keeps its data");
  });

  it("answers a late delivery for an uninstalled installation or a removed repository without recording anything", async () => {
    // Deliveries from before the uninstall / removal, arriving late (a redelivery): GitHub sees them accepted.
    const late = await h.pullRequestEvent("synchronize", "acme/api", 1);
    assert.equal(late.status, 200);
    h.fake.addDependabotAlert("acme/api", { package: "ms", severity: "high", first_patched_version: "2.1.3" });
    assert.equal((await h.alertEvent("created", "acme/api", 1)).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.deepEqual(keysOfInstallation(await redis.keys("*"), 1, "acme"), ["{merge-discipline}:uninstalled:1"]);
  });
});
