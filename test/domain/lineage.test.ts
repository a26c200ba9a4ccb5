import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { LINEAGE_GAP_MS, lineageKey, resolveLineages } from "../../src/domain/lineage.js";
import { closed, DAY, merged, record, T0, update } from "../helpers/records.js";

describe("lineageKey", () => {
  it("is the same for two PRs of one package whatever the versions", () => {
    const a = update({ packages: [{ name: "lodash", from: "1", to: "2" }] });
    const b = update({ packages: [{ name: "Lodash", from: "1", to: "3" }] });
    assert.equal(lineageKey(a, "Bump lodash from 1 to 2", "x"), lineageKey(b, "Bump lodash from 1 to 3", "y"));
  });

  it("separates directories and ecosystems of a monorepo", () => {
    const api = update({ directory: "/api" });
    const web = update({ directory: "/web" });
    const pip = update({ ecosystem: "pip" });
    const keys = new Set([lineageKey(api, "t", "b"), lineageKey(web, "t", "b"), lineageKey(pip, "t", "b")]);
    assert.equal(keys.size, 3);
  });

  it("follows a Dependabot group by its name although its package set changes", () => {
    const first = update({ grouped: true, packages: [{ name: "a", from: "1", to: "2" }] });
    const second = update({ grouped: true, packages: [{ name: "b", from: "1", to: "2" }] });
    assert.equal(
      lineageKey(first, "Bump the dev-deps group with 1 update", "dependabot/npm_and_yarn/dev-deps-1a2b"),
      lineageKey(second, "Bump the dev-deps group with 2 updates", "dependabot/npm_and_yarn/dev-deps-3c4d"),
    );
  });

  it("follows a Renovate group by its branch", () => {
    const u = update({ bot: "renovate", grouped: true, packages: [] });
    assert.equal(
      lineageKey(u, "Update all non-major dependencies", "renovate/all-minor-patch"),
      lineageKey({ ...u, packages: [{ name: "x", from: "1", to: "2" }] }, "Update all non-major dependencies", "renovate/all-minor-patch"),
    );
  });
});

describe("resolveLineages", () => {
  it("starts a successor's clock at its superseded predecessor", () => {
    const first = closed(record({ number: 1, createdAt: T0 }), T0 + 3 * DAY);
    const second = record({ number: 2, createdAt: T0 + 3 * DAY });
    const facts = resolveLineages([second, first]);
    assert.deepEqual(facts.get(1), { startedAt: T0, superseded: true });
    assert.deepEqual(facts.get(2), { startedAt: T0, superseded: false });
  });

  it("starts a new lineage after a merge", () => {
    const first = merged(record({ number: 1, createdAt: T0 }), T0 + DAY);
    const later = record({ number: 2, createdAt: T0 + 10 * DAY });
    const facts = resolveLineages([first, later]);
    assert.equal(facts.get(2)?.startedAt, T0 + 10 * DAY);
    assert.equal(facts.get(1)?.superseded, false);
  });

  it("does not chain a PR opened long after its predecessor was closed", () => {
    const first = closed(record({ number: 1, createdAt: T0 }), T0 + DAY);
    const much = record({ number: 2, createdAt: T0 + DAY + LINEAGE_GAP_MS + 1 });
    const facts = resolveLineages([first, much]);
    assert.equal(facts.get(2)?.startedAt, much.createdAt);
    assert.equal(facts.get(1)?.superseded, false);
  });

  it("chains three PRs, each superseding the last", () => {
    const a = closed(record({ number: 1, createdAt: T0 }), T0 + 2 * DAY);
    const b = closed(record({ number: 5, createdAt: T0 + 2 * DAY }), T0 + 4 * DAY);
    const c = merged(record({ number: 9, createdAt: T0 + 4 * DAY }), T0 + 5 * DAY);
    const facts = resolveLineages([c, a, b]);
    assert.deepEqual([...facts.entries()].sort((x, y) => x[0] - y[0]), [
      [1, { startedAt: T0, superseded: true }],
      [5, { startedAt: T0, superseded: true }],
      [9, { startedAt: T0, superseded: false }],
    ]);
  });
});
