import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * A Lua script sent by its SHA (EVALSHA), and in full only when Redis does not know it yet (after a
 * restart or a SCRIPT FLUSH). `EVAL` would send the whole source with every call: on the webhook path that
 * was most of the bytes written to Redis.
 */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  async run(redis: Redis, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
