import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { advisoryIds, botOwnText, highestSeverity, securityMarkers } from "../../src/domain/recognition/security-markers.js";

describe("advisoryIds", () => {
  it("upper-cases, de-duplicates and keeps the order of appearance", () => {
    const text = [
      "[CVE-2019-7617](https://nvd.nist.gov/vuln/detail/CVE-2019-7617) / [GHSA-22cc-w7xm-rfhx](https://github.com/advisories/GHSA-22cc-w7xm-rfhx)",
      "https://osv.dev/vulnerability/GHSA-22cc-w7xm-rfhx and cve-2019-7617 again, then CVE-2024-123456",
    ].join("\n");
    assert.deepEqual(advisoryIds(text), ["CVE-2019-7617", "GHSA-22cc-w7xm-rfhx", "CVE-2024-123456"]);
  });
  it("ignores look-alikes", () => {
    assert.deepEqual(advisoryIds("CVE-24-1 GHSA-abc-def-ghi PYSEC-2019-178 XCVE-2020-1234x"), []);
  });
});

describe("highestSeverity", () => {
  it("reads CVSS scores, severity sections and Severity: lines", () => {
    assert.equal(highestSeverity("- CVSS Score: 7.5 / 10 (High)"), "high");
    assert.equal(highestSeverity("#### Severity\nModerate\n"), "moderate");
    assert.equal(highestSeverity("**Severity**: Critical"), "critical");
    assert.equal(highestSeverity("| Severity | Low |"), "low");
  });
  it("reads Medium as moderate", () => {
    assert.equal(highestSeverity("- CVSS Score: 5.3 / 10 (Medium)"), "moderate");
  });
  it("takes the highest of several advisories", () => {
    assert.equal(highestSeverity("#### Severity\nLow\n\n#### Severity\n- CVSS Score: 9.8 / 10 (Critical)\n#### Severity\nModerate"), "critical");
  });
  it("is null when nothing is stated", () => {
    assert.equal(highestSeverity("#### Severity\nUnknown\n"), null);
    assert.equal(highestSeverity(""), null);
  });
});

describe("securityMarkers", () => {
  const none = { titleMarker: false, labels: [], body: "" };
  it("is quiet for an ordinary update", () => {
    assert.deepEqual(securityMarkers(none), { security: false, advisories: [], severity: null });
  });
  it("trusts the title marker and security labels", () => {
    assert.equal(securityMarkers({ ...none, titleMarker: true }).security, true);
    assert.equal(securityMarkers({ ...none, labels: ["dependencies", "Security"] }).security, true);
    assert.equal(securityMarkers({ ...none, labels: ["type: security"] }).security, true);
    assert.equal(securityMarkers({ ...none, labels: ["securityish"] }).security, false);
  });
  it("reads Dependabot's security sentences", () => {
    assert.equal(securityMarkers({ ...none, body: "Bumps x from 1 to 2. **This update includes security fixes.**" }).security, true);
  });
  it("skips release notes and changelogs, keeps advisory details", () => {
    const body = [
      "| Package | Change |",
      "### Some advisory",
      "[GHSA-9pwp-9qqc-pr26](https://github.com/advisories/GHSA-9pwp-9qqc-pr26)",
      "<details>",
      "<summary>More information</summary>",
      "#### Severity",
      "- CVSS Score: 7.5 / 10 (High)",
      "</details>",
      "",
      "### Release Notes",
      "<details>",
      "<summary>owner/repo (pkg)</summary>",
      "Fixes CVE-2020-0001, severity: critical",
      "</details>",
      "",
      "### Configuration",
      "📅 **Schedule**",
    ].join("\n");
    assert.deepEqual(securityMarkers({ ...none, body }), { security: true, advisories: ["GHSA-9pwp-9qqc-pr26"], severity: "high" });
    assert.doesNotMatch(botOwnText(body), /CVE-2020-0001/);
    assert.match(botOwnText(body), /### Configuration/);
  });
});
