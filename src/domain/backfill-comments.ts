// A stage that fell due before the app first looked at the repo is history, not news: on a backlog of
// hundreds of PRs, commenting on each at once would bury an organisation. Security updates still speak.
import type { BackfillComments } from "./policy.js";

export function commentsOnStage(input: { dueAt: number; quietBefore: number | null; security: boolean; mode: BackfillComments }): boolean {
  if (input.quietBefore === null || input.dueAt >= input.quietBefore) return true;
  return input.mode === "all" || (input.mode === "security" && input.security);
}
