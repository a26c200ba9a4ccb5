import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Redis } from "ioredis";
import { LuaScript } from "../../src/redis/lua-script.js";
import { startRedis, type TestRedis } from "../helpers/redis-server.js";

describe("LuaScript", () => {
  let server: TestRedis;
  let redis: Redis;
  before(async () => {
    server = await startRedis();
    redis = new Redis(server.url);
  });
  after(async () => {
    redis.disconnect();
    await server.stop();
  });

  const incrementBy = new LuaScript(`return redis.call('INCRBY', KEYS[1], ARGV[1])`);

  it("runs by its SHA once Redis knows it, and sends the source only the first time", async () => {
    await redis.script("FLUSH");
    assert.equal(await incrementBy.run(redis, ["lua:a"], [2]), 2);
    assert.equal(await incrementBy.run(redis, ["lua:a"], [3]), 5);
    const calls = await redis.info("commandstats");
    assert.match(calls, /cmdstat_evalsha:calls=2,/, "two EVALSHA: the first answered NOSCRIPT");
    assert.match(calls, /cmdstat_eval:calls=1,/, "one EVAL: the source went over once");
  });

  it("loads itself again after Redis forgot its scripts (a restart, SCRIPT FLUSH)", async () => {
    await redis.script("FLUSH");
    assert.equal(await incrementBy.run(redis, ["lua:b"], [7]), 7);
  });

  it("passes a script's own error on", async () => {
    const failing = new LuaScript(`return redis.error_reply('nope')`);
    await assert.rejects(failing.run(redis, [], []), /nope/);
  });
});
