import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { canonicalDuration, parseDuration } from "../../src/config/duration.js";

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("parseDuration", () => {
  const table: Array<[string, number | null]> = [
    ["30s", 30 * S],
    ["15m", 15 * M],
    ["36h", 36 * H],
    ["2d", 2 * D],
    ["1w", 7 * D],
    ["0s", 0],
    ["007d", 7 * D],
    ["1d12h", 36 * H],
    ["1w2d3h4m5s", 9 * D + 3 * H + 4 * M + 5 * S],
    ["2d 3h", 2 * D + 3 * H],
    [" 2d ", 2 * D],
    ["", null],
    ["5", null],
    ["d", null],
    ["3x", null],
    ["-1d", null],
    ["+1d", null],
    ["1.5d", null],
    ["2D", null],
    ["2 d", null],
    ["12h1d", null],
    ["1d1d", null],
    ["1mo", null],
    ["99999999999999999999d", null],
  ];
  for (const [text, expected] of table) {
    it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(parseDuration(text), expected));
  }
});

describe("canonicalDuration", () => {
  const table: Array<[number, string]> = [
    [0, "0s"],
    [20 * S, "20s"],
    [3 * D, "3d"],
    [72 * H, "3d"],
    [7 * D, "7d"],
    [36 * H, "1d12h"],
    [D + M + S, "1d1m1s"],
  ];
  for (const [ms, expected] of table) {
    it(`${ms} → ${expected}`, () => assert.equal(canonicalDuration(ms), expected));
  }

  it("reads back to the same duration", () => {
    for (const text of ["20s", "1d12h", "1w", "365d", "90m"]) {
      const ms = parseDuration(text)!;
      assert.equal(parseDuration(canonicalDuration(ms)), ms, text);
    }
  });
});
