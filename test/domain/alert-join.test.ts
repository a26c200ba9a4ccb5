import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { alertDirectory, withAlerts } from "../../src/domain/alert-join.js";
import type { DependabotAlert } from "../../src/domain/dependabot-alert.js";
import { update } from "../helpers/records.js";

const alert = (overrides: Partial<DependabotAlert> = {}): DependabotAlert => ({
  number: 1,
  state: "open",
  ecosystem: "npm",
  packageName: "minimist",
  manifestPath: "package-lock.json",
  severity: "critical",
  ghsaId: "GHSA-xvch-5gv4-984h",
  cveId: "CVE-2021-44906",
  firstPatchedVersion: "1.2.6",
  createdAt: 0,
  fixedAt: null,
  htmlUrl: null,
  ...overrides,
});
const minimist = update({ packages: [{ name: "minimist", from: "1.2.5", to: "1.2.6" }] });

describe("withAlerts", () => {
  const table: Array<[string, ReturnType<typeof update>, DependabotAlert[], boolean]> = [
    ["same package, ecosystem and directory, patched version", minimist, [alert()], true],
    ["a fixed alert still explains a merged fix", minimist, [alert({ state: "fixed" })], true],
    ["a dismissed alert does not count", minimist, [alert({ state: "dismissed" })], false],
    ["another package", minimist, [alert({ packageName: "lodash" })], false],
    ["another manifest directory", minimist, [alert({ manifestPath: "api/package-lock.json" })], false],
    ["another ecosystem", minimist, [alert({ ecosystem: "pip" })], false],
    ["new version below the first patched one", update({ packages: [{ name: "minimist", from: "1.2.4", to: "1.2.5" }] }), [alert()], false],
    ["Gradle projects get Maven advisories", update({ ecosystem: "gradle", packages: [{ name: "org.x:y", from: "1.0", to: "2.0" }] }), [alert({ ecosystem: "maven", packageName: "org.x:y", firstPatchedVersion: "2.0" })], true],
    ["Renovate PRs state their own security", update({ bot: "renovate", packages: minimist.packages }), [alert()], false],
  ];
  for (const [name, u, alerts, security] of table) {
    it(name, () => assert.equal(withAlerts(u, alerts).security, security));
  }

  it("takes the highest severity and every advisory id of the alerts it fixes", () => {
    const result = withAlerts(minimist, [alert({ severity: "moderate", ghsaId: "GHSA-aaaa-bbbb-cccc", cveId: null }), alert({ number: 2 })]);
    assert.equal(result.severity, "critical");
    assert.deepEqual(result.advisories, ["GHSA-aaaa-bbbb-cccc", "GHSA-xvch-5gv4-984h", "CVE-2021-44906"]);
  });

  it("reads a manifest path as the directory Dependabot names", () => {
    assert.equal(alertDirectory("package-lock.json"), "/");
    assert.equal(alertDirectory("services/api/go.sum"), "/services/api");
  });
});
