import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { slaClassOf } from "../../../src/domain/sla-class.js";
import type { RecognisedUpdate } from "../../../src/domain/types.js";
import { update } from "../../helpers/records.js";

describe("slaClassOf", () => {
  const cases: Array<[string, Partial<RecognisedUpdate>, string]> = [
    ["critical security update", { security: true, severity: "critical", updateType: "patch" }, "security.critical"],
    ["high security update", { security: true, severity: "high", updateType: "major" }, "security.high"],
    ["moderate security update", { security: true, severity: "moderate" }, "security.moderate"],
    ["low security update", { security: true, severity: "low" }, "security.low"],
    ["security update of unknown severity", { security: true, severity: null }, "security.unknown"],
    ["major", { updateType: "major" }, "major"],
    ["minor", { updateType: "minor" }, "minor"],
    ["patch", { updateType: "patch" }, "patch"],
    ["digest", { updateType: "digest" }, "other"],
    ["pin", { updateType: "pin" }, "other"],
    ["lockfile", { updateType: "lockfile" }, "other"],
    ["other", { updateType: "other" }, "other"],
    ["severity without the security flag", { security: false, severity: "critical", updateType: "minor" }, "minor"],
  ];
  for (const [name, overrides, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(slaClassOf(update(overrides)), expected));
  }
});
