// Issue #11: the shipped alerting rules are checked and their unit tests (series that page, ticket and stay
// quiet) run by Prometheus's own promtool. Missing promtool is a failure, not a skip: CI installs it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DIR = fileURLToPath(new URL("../../ops/prometheus/", import.meta.url));

function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync("promtool", args, { cwd: DIR, encoding: "utf8" });
  if (run.error) assert.fail(`promtool is not installed (Debian package "prometheus"): ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("Prometheus alerting rules (ops/prometheus)", () => {
  it("are valid rules", () => {
    const checked = promtool("check", "rules", "rules.yml");
    assert.equal(checked.status, 0, checked.output);
  });

  it("page, ticket and stay quiet as their promtool tests expect", () => {
    const tested = promtool("test", "rules", "rules.test.yml");
    assert.equal(tested.status, 0, tested.output);
    assert.match(tested.output, /SUCCESS/);
  });

  it("read only the SLO events counter, which the app exports (see test/e2e/metrics.test.ts)", () => {
    const rules = readFileSync(`${DIR}rules.yml`, "utf8");
    const raw = [...rules.matchAll(/\b(merge_discipline_[a-z_]+)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(raw)], ["merge_discipline_security_fixes_merged_total"]);
  });
});
