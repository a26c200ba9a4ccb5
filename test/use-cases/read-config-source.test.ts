import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { deepMerge } from "../../src/use-cases/read-config-source.js";

describe("deepMerge (a repo file over the one it extends)", () => {
  it("keeps __proto__ as a key of its own, at the top and below, so the config check can report it", () => {
    const merged = deepMerge({ sla: { patch: "7d" } }, JSON.parse('{"__proto__": {"enabled": false}, "sla": {"__proto__": "1d"}}')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(merged).sort(), ["__proto__", "sla"]);
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    assert.deepEqual(Object.keys(merged.sla as object).sort(), ["__proto__", "patch"]);
    assert.equal(({} as { enabled?: unknown }).enabled, undefined, "no object gained a member");
  });

  it("merges maps key by key and lets lists and scalars replace", () => {
    assert.deepEqual(deepMerge({ a: { b: 1, c: [1] }, d: 1 }, { a: { c: [2] }, e: 2 }), { a: { b: 1, c: [2] }, d: 1, e: 2 });
  });
});
