import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  classifyVersions,
  fromDependabotUpdateType,
  fromRenovateUpdateColumn,
  isCalendarVersion,
  isDigest,
  largestMove,
} from "../../src/domain/recognition/update-type.js";
import type { UpdateType } from "../../src/domain/types.js";

describe("classifyVersions", () => {
  const table: Array<[string | null, string | null, UpdateType]> = [
    ["1.4.0", "1.5.0", "minor"],
    ["1.4.0", "2.0.0", "major"],
    ["1.4.0", "1.4.1", "patch"],
    ["0.10.5", "0.12.1", "minor"],
    ["v1.2", "v1.3", "minor"],
    ["v4", "v5", "major"],
    ["3", "4", "major"],
    ["^1.2.3", "^2.0.0", "major"],
    ["~> 1.2", "~> 1.3", "minor"],
    ["==25.12.0", "==26.3.1", "major"],
    [">= 1.2.3", ">= 1.2.4", "patch"],
    ["1.2.3-rc.1", "1.2.3-rc.2", "patch"],
    ["17.0.0-rc.1", "17.0.0", "major"],
    ["5.1.0-beta.3", "5.1.0", "minor"],
    ["4.3.12.RELEASE", "4.3.15.RELEASE", "patch"],
    ["5.1.1.0", "5.1.1.1", "patch"],
    ["18-alpine", "20-alpine", "major"],
    ["3.12-slim", "3.13-slim", "minor"],
    ["1.25.3-alpine3.18", "1.25.4-alpine3.18", "patch"],
    ["22.04", "24.04", "major"],
    ["1.20260107.1", "1.20260108.0", "minor"],
    ["1.4.0", "1.4.0", "other"],
    // Dependabot's metadata classifies calendar versions by component: a new year is semver-major.
    ["2024.01.15", "2024.02.01", "minor"],
    ["2023.12.1", "2024.1.5", "major"],
    ["20240115", "20240201", "minor"],
    ["2024.1.15", "2024.1.16", "patch"],
    ["2023.12", "2024.1", "major"],
    // Commit-ish ids and branch names are not versions.
    ["1830542", "2.0.0", "other"],
    ["master", "1.2.3", "other"],
    ["v1.2.3", "release-2", "other"],
    ["2468a02", "cff701b", "digest"],
    ["`2167a21`", "`1830542`", "digest"],
    ["sha256:2167a21baaaaaaaa", "sha256:18305429afa14ea4", "digest"],
    ["72b9c6cbdb24c49189b0e7c7395d874830d1ed87", "d1f40cb9482add27c57925be5085cabe2c20d8be", "digest"],
    ["2468a0", "~> 1.5.0", "other"],
    ["1.0.0", "cff701b", "other"],
    ["latest", "stable", "other"],
    [null, "1.0.0", "other"],
    ["1.0.0", null, "other"],
  ];
  for (const [from, to, expected] of table) {
    it(`${String(from)} → ${String(to)} is ${expected}`, () => {
      assert.equal(classifyVersions(from, to), expected);
    });
  }
});

describe("largestMove", () => {
  it("is other for nothing", () => assert.equal(largestMove([]), "other"));
  it("takes the largest semver move", () => assert.equal(largestMove(["patch", "major", "minor"]), "major"));
  it("does not let an unknown member hide a known move", () => assert.equal(largestMove(["other", "patch", "other"]), "patch"));
  it("ranks semver moves above digest, pin and lockfile", () => {
    assert.equal(largestMove(["digest", "patch"]), "patch");
    assert.equal(largestMove(["pin", "digest"]), "digest");
    assert.equal(largestMove(["lockfile", "pin"]), "pin");
    assert.equal(largestMove(["other", "lockfile"]), "lockfile");
  });
});

describe("version shapes", () => {
  it("knows calendar versions", () => {
    assert.equal(isCalendarVersion("2024.01.15"), true);
    assert.equal(isCalendarVersion("v2024.7.4"), true);
    assert.equal(isCalendarVersion("20240115"), true);
    assert.equal(isCalendarVersion("1.20260107.1"), false);
    assert.equal(isCalendarVersion("1234.5.6"), false);
    assert.equal(isCalendarVersion("4.17.21"), false);
  });
  it("knows digests, not all-digit build numbers", () => {
    assert.equal(isDigest("cff701b"), true);
    assert.equal(isDigest("`2468a02`"), true);
    assert.equal(isDigest("sha256:18305429afa14ea462f8"), true);
    assert.equal(isDigest("1830542"), false);
    assert.equal(isDigest("1.2.3"), false);
  });
});

describe("the bots' own update-type words", () => {
  it("reads Dependabot's version-update:semver-*", () => {
    assert.equal(fromDependabotUpdateType("version-update:semver-major"), "major");
    assert.equal(fromDependabotUpdateType("version-update:semver-minor"), "minor");
    assert.equal(fromDependabotUpdateType("version-update:semver-patch"), "patch");
    assert.equal(fromDependabotUpdateType("security-update"), null);
    assert.equal(fromDependabotUpdateType(null), null);
  });
  it("reads Renovate's Update column", () => {
    assert.equal(fromRenovateUpdateColumn("major"), "major");
    assert.equal(fromRenovateUpdateColumn(" digest "), "digest");
    assert.equal(fromRenovateUpdateColumn("pinDigest"), "pin");
    assert.equal(fromRenovateUpdateColumn("lockFileMaintenance"), "lockfile");
    assert.equal(fromRenovateUpdateColumn("lockfileUpdate"), "lockfile");
    assert.equal(fromRenovateUpdateColumn("replacement"), "other");
    assert.equal(fromRenovateUpdateColumn("bump"), null);
    assert.equal(fromRenovateUpdateColumn(""), null);
  });
});
