import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { failedGuids, planRedeliveries, redeliveryWindowMs, type HookDelivery } from "../../src/domain/redelivery.js";

const NOW = Date.parse("2026-11-02T09:00:00Z");
const HOUR = 3600_000;
const WINDOW = redeliveryWindowMs(false);

let nextId = 1;
function attempt(guid: string, hoursAgo: number, statusCode: number, redelivery = false): HookDelivery {
  return { id: nextId++, guid, deliveredAt: NOW - hoursAgo * HOUR, redelivery, statusCode, event: "pull_request", action: "opened", installationId: 1 };
}

const plan = (deliveries: HookDelivery[], opts: { asked?: string[]; handled?: string[]; windowMs?: number } = {}) =>
  planRedeliveries({ deliveries, asked: new Set(opts.asked), handled: new Set(opts.handled), now: NOW, windowMs: opts.windowMs ?? WINDOW });

describe("which failed webhook deliveries to ask GitHub to redeliver", () => {
  it("asks for an event none of whose attempts got a 2xx, once, with its newest failed attempt", () => {
    const first = attempt("a", 5, 502);
    const again = attempt("a", 4, 500, true);
    const result = plan([again, first]);
    assert.deepEqual(result.redeliver.map((d) => d.id), [again.id]);
  });

  const cases: Array<[string, HookDelivery[], { asked?: string[]; handled?: string[]; windowMs?: number }, keyof ReturnType<typeof plan>["skipped"]]> = [
    ["an event a later attempt delivered", [attempt("b", 1, 200, true), attempt("b", 2, 502)], {}, "delivered"],
    ["an event delivered first, then a manual redelivery failed", [attempt("c", 1, 0, true), attempt("c", 2, 204)], {}, "delivered"],
    ["an event already asked for (its redelivery failed again)", [attempt("d", 1, 500, true), attempt("d", 2, 502)], { asked: ["d"] }, "asked"],
    ["an event the app handled though GitHub timed out", [attempt("e", 1, 0)], { handled: ["e"] }, "handled"],
    ["an event whose attempts are all older than the window", [attempt("f", 73, 502)], {}, "expired"],
  ];
  for (const [name, deliveries, opts, reason] of cases) {
    it(`leaves alone ${name}`, () => {
      const result = plan(deliveries, opts);
      assert.deepEqual(result.redeliver, []);
      assert.equal(result.skipped[reason], 1);
    });
  }

  it("measures the window from the newest failed attempt: GitHub's 3 days, 7 on GHES", () => {
    const deliveries = [attempt("g", 100, 502)];
    assert.equal(plan(deliveries).redeliver.length, 0);
    assert.equal(plan(deliveries, { windowMs: redeliveryWindowMs(true) }).redeliver.length, 1);
    assert.equal(plan([attempt("h", 71.9, 502)]).redeliver.length, 1);
  });

  it("counts 3xx and 4xx answers as failures, and 2xx alone as delivered", () => {
    const result = plan([attempt("i", 1, 301), attempt("j", 1, 400), attempt("k", 1, 299), attempt("l", 1, 200)]);
    assert.deepEqual(result.redeliver.map((d) => d.guid).sort(), ["i", "j"]);
  });

  it("asks for several lost events oldest first", () => {
    const result = plan([attempt("new", 1, 502), attempt("old", 3, 502), attempt("ok", 2, 200)]);
    assert.deepEqual(result.redeliver.map((d) => d.guid), ["old", "new"]);
  });

  it("looks up in the app's delivery log only the events with no 2xx attempt", () => {
    assert.deepEqual(failedGuids([attempt("m", 1, 502), attempt("m", 2, 0), attempt("n", 1, 200), attempt("n", 2, 502), attempt("o", 1, 200)]), ["m"]);
  });
});
