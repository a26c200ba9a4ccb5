import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { settlesWithin, TimedOutError, withTimeout } from "../../src/async/time-limit.js";

const never = new Promise<never>(() => {});

describe("time limits", () => {
  it("withTimeout passes an answer through and fails a silent promise with TimedOutError", async () => {
    assert.equal(await withTimeout(Promise.resolve(7), 50), 7);
    await assert.rejects(withTimeout(never, 20), (error) => error instanceof TimedOutError && /20 ms/.test(error.message));
    await assert.rejects(withTimeout(Promise.reject(new Error("refused")), 50), /refused/);
  });

  it("settlesWithin counts a failure as settled and only a silence as running out of time", async () => {
    assert.equal(await settlesWithin(Promise.resolve(), 50), true);
    assert.equal(await settlesWithin(Promise.reject(new Error("connection closed")), 50), true);
    assert.equal(await settlesWithin(never, 20), false);
  });
});
