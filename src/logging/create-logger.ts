import { pino, type DestinationStream, type Logger } from "pino";

/**
 * Secrets must never reach a log line: GitHub's webhook signature, tokens and keys are censored
 * wherever they appear in logged objects (Octokit errors carry request headers, for instance).
 */
const REDACT = [
  "privateKey",
  "secret",
  "token",
  "*.privateKey",
  "*.secret",
  "*.token",
  "*.authorization",
  "*.headers.authorization",
  "*.request.headers.authorization",
  "*.headers['x-hub-signature-256']",
  "err.request.headers.authorization",
];

/** The CLI logs to stderr (fd 2) so its stdout stays the command's output; tests may hand in a stream. */
export function createLogger(env: NodeJS.ProcessEnv, fd: 1 | 2 | DestinationStream = 1, fallbackLevel = "info"): Logger {
  return pino(
    {
      name: "merge-discipline",
      level: env.LOG_LEVEL || fallbackLevel,
      redact: { paths: REDACT, censor: "[redacted]" },
    },
    oneKeyPerField(typeof fd === "number" ? pino.destination(fd) : fd),
  );
}

/**
 * Pino appends a child's bindings to its parent's, and a call's fields to both: Probot's own children
 * ({name: "probot"}, then {name: "event"}, then {name: "github"}) made one line carry "name" three times,
 * and log processors keep an arbitrary one of them. Each line is rewritten with every key once, the
 * innermost value winning (the call over its bindings, a child over its parent), which is how JSON.parse
 * reads it anyway.
 */
export function oneKeyPerField(destination: DestinationStream): DestinationStream {
  const flushing = destination as DestinationStream & { flushSync?: () => void; flush?: (cb?: () => void) => void };
  return {
    write(line: string): void {
      destination.write(`${JSON.stringify(JSON.parse(line))}\n`);
    },
    ...(flushing.flushSync ? { flushSync: () => flushing.flushSync?.() } : {}),
    ...(flushing.flush ? { flush: (cb?: () => void) => flushing.flush?.(cb) } : {}),
  } as DestinationStream;
}
