import type { CliIo } from "../../src/cli/cli-io.js";

/** Runs CLI commands in-process with their output captured and the clock fixed. */
export function captureIo(env: NodeJS.ProcessEnv, now: number, stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: async () => stdin,
    readFile: async (path) => (await import("node:fs/promises")).readFile(path, "utf8"),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env,
    now: () => now,
  };
  return { io, stdout: () => out.join("\n"), stderr: () => err.join("\n") };
}
