import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isMarkerId, nudgeMarker, parseNudgeMarkers } from "../../../src/domain/nudge-marker.js";

describe("nudge markers", () => {
  it("renders the documented shape", () => {
    assert.equal(nudgeMarker({ stageId: "50%", lineageId: "ab12cd34" }), "<!-- merge-discipline:nudge stage=50% lineage=ab12cd34 -->");
  });

  const roundTrips = [
    { stageId: "50%", lineageId: "ab12cd34" },
    { stageId: "3d", lineageId: "x" },
    { stageId: "stage_1.final-2", lineageId: "A-Z.0_9%" },
  ];
  for (const marker of roundTrips) {
    it(`round-trips ${marker.stageId}/${marker.lineageId}`, () => {
      assert.deepEqual(parseNudgeMarkers(`text\n\n${nudgeMarker(marker)}\n`), [marker]);
    });
  }

  it("finds several markers in order", () => {
    const body = `${nudgeMarker({ stageId: "50%", lineageId: "a" })}\n${nudgeMarker({ stageId: "100%", lineageId: "a" })}`;
    assert.deepEqual(parseNudgeMarkers(body).map((m) => m.stageId), ["50%", "100%"]);
  });

  it("ignores markers with ids outside the alphabet and other comments", () => {
    const body = [
      "<!-- merge-discipline:nudge stage=<b> lineage=a -->",
      "<!-- merge-discipline:nudge stage=50% lineage=a b -->",
      "<!-- merge-discipline:digest week=1 -->",
      "merge-discipline:nudge stage=50% lineage=a",
    ].join("\n");
    assert.deepEqual(parseNudgeMarkers(body), []);
  });

  const invalid = ["", "50% -->", "a b", "<x>", "x".repeat(65), "é"];
  for (const id of invalid) {
    it(`refuses the id ${JSON.stringify(id)}`, () => {
      assert.equal(isMarkerId(id), false);
      assert.throws(() => nudgeMarker({ stageId: id, lineageId: "a" }), RangeError);
      assert.throws(() => nudgeMarker({ stageId: "50%", lineageId: id }), RangeError);
    });
  }
});
