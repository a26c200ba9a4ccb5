#!/usr/bin/env node
// The `merge-discipline` executable (package.json "bin"); all logic is in cli.ts.
import { runCli } from "./cli.js";
import { processIo } from "./cli/cli-io.js";

runCli(process.argv.slice(2), processIo()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("merge-discipline:", error);
    process.exit(1);
  },
);
