// `npm start` as a user runs it: the real entry file in its own process.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eventually } from "../helpers/app-harness.js";
import { freePort, startRedis } from "../helpers/redis-server.js";

const MAIN = join(import.meta.dirname, "../../src/main.ts");

function runMain(env: NodeJS.ProcessEnv) {
  // An empty working directory, so no developer's .env leaks into the test.
  const cwd = mkdtempSync(join(tmpdir(), "md-main-"));
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), MAIN], {
    cwd,
    env: { PATH: process.env.PATH, NODE_OPTIONS: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe("the app process", () => {
  it("exits non-zero with one clear line when Redis is unreachable", async () => {
    const port = await freePort();
    const run = runMain({ REDIS_URL: `redis://:hunter2@127.0.0.1:${port}`, APP_ID: "1", PRIVATE_KEY: "x", WEBHOOK_SECRET: "s" });
    assert.equal(await run.exited, 1);
    const lines = run.output().stderr.trim().split("\n");
    assert.equal(lines.length, 1, run.output().stderr);
    assert.match(lines[0] ?? "", /^merge-discipline: Redis is not reachable at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/? .*Start it/);
    assert.doesNotMatch(run.output().stderr, /hunter2/, "the Redis password is never printed");
  });

  it("opens Probot's setup flow when the GitHub App is not registered yet", async () => {
    const redis = await startRedis();
    const port = await freePort();
    const run = runMain({ REDIS_URL: redis.url, PORT: String(port), NODE_ENV: "development", LOG_LEVEL: "warn" });
    try {
      const page = await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/probot`);
        return res.status === 200 ? await res.text() : undefined;
      }, 20_000);
      assert.match(page, /Register GitHub App/i);
    } finally {
      run.child.kill("SIGTERM");
      await run.exited;
      await redis.dispose();
    }
  });
});
