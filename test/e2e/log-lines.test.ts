// Issue #11 point 5: each key once per log line, and the delivery, installation, repo and PR bound to
// every line a webhook or a job logs, read from the running app's own output.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startHarness, type Harness } from "../helpers/app-harness.js";
import { DEPENDABOT, openPullRequest } from "../helpers/pull-requests.js";

const WEB = "acme/web";

/** Keys at the top level of a JSON line, in the order written, duplicates kept (JSON.parse would hide them). */
function topLevelKeys(line: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === '"') {
      let end = i + 1;
      while (line[end] !== '"') end += line[end] === "\\" ? 2 : 1;
      if (depth === 1 && line[end + 1] === ":") keys.push(line.slice(i + 1, end));
      i = end;
    }
  }
  return keys;
}

describe("log lines (end to end)", () => {
  let h: Harness;
  const lines: string[] = [];
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  before(async () => {
    h = await startHarness({ env: { LOG_LEVEL: "debug" }, logLines: lines });
    h.fake.addRepo({ owner: "acme", name: "web" });
  });
  after(async () => h?.stop());

  it("writes every key once, and binds the webhook's delivery and the job's place to each of their lines", async () => {
    const pr = openPullRequest(h.fake, WEB, { at: "2026-11-01T09:00:00Z", user: DEPENDABOT, title: "Bump ms from 2.1.2 to 2.1.3", head: { ref: "dependabot/npm_and_yarn/ms-2.1.3" } });
    const delivered = await h.pullRequestEvent("opened", WEB, pr.number);
    await h.pullRequestEvent("opened", WEB, pr.number, { deliveryId: delivered.deliveryId });
    await eventually(() => parsed().some((l) => l.job === "evaluate-pull-request" && l.msg !== undefined), 15_000);

    assert.ok(lines.length > 0);
    for (const line of lines) {
      const keys = topLevelKeys(line);
      assert.deepEqual(keys, [...new Set(keys)], `a key repeated in ${line}`);
    }

    const webhook = parsed().filter((l) => l.deliveryId === delivered.deliveryId);
    const skipped = webhook.find((l) => String(l.msg).includes("already handled"));
    assert.ok(skipped, "the repeated delivery is logged with its delivery id bound");
    assert.deepEqual([skipped.installationId, skipped.repo, skipped.pr], [1, WEB, pr.number]);

    const jobLines = parsed().filter((l) => l.job === "evaluate-pull-request");
    assert.ok(jobLines.length > 0, "the evaluation job logged");
    for (const l of jobLines) {
      assert.deepEqual([l.installationId, l.repo, l.pr, typeof l.jobId], [1, WEB, pr.number, "string"], JSON.stringify(l));
    }
  });
});
