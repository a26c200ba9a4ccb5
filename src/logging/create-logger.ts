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
    typeof fd === "number" ? pino.destination(fd) : fd,
  );
}
