import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mapBounded } from "../../src/async/map-bounded.js";

describe("mapBounded", () => {
  it("keeps the items' order while calls finish out of order", async () => {
    const delays = [30, 5, 20, 1, 10];
    const results = await mapBounded(delays, 3, async (ms, index) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return `${index}:${ms}`;
    });
    assert.deepEqual(results, ["0:30", "1:5", "2:20", "3:1", "4:10"]);
  });

  it("never has more than the limit in flight", async () => {
    let inFlight = 0;
    let most = 0;
    await mapBounded(Array.from({ length: 40 }, (_, i) => i), 4, async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
    });
    assert.equal(most, 4);
  });

  it("hands back an empty list for no items, and passes a failure on", async () => {
    assert.deepEqual(await mapBounded([], 4, async () => 1), []);
    await assert.rejects(mapBounded([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error("boom"); return n; }), /boom/);
  });
});
