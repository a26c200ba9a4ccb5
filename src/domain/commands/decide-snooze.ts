// Whether a snooze asked for by a command or a button is allowed, and how long it lasts. Pure: the caller
// looks up write access and team membership (both need GitHub) and passes the answers in.
import type { Policy, SlaClass } from "../policy.js";

/** Shorter than this is a typo ("snooze 1s"), not a decision to wait. */
export const MIN_SNOOZE_MS = 60_000;
const MAX_REASON_LENGTH = 200;

export interface SnoozeRequest {
  /** The duration asked for, in ms. */
  requested: number;
  reason: string;
  /** Login of who asked. */
  actor: string;
  slaClass: SlaClass;
  policy: Policy;
  now: number;
  actorCanWrite: boolean;
  /** Whether the actor is in one of `snooze.allow.teams` (users in `snooze.allow.users` are matched here). */
  actorInAllowList: boolean;
}

export type SnoozeDecision =
  | { ok: true; until: number; capped: boolean; maxMs: number; reason: string }
  | { ok: false; why: "not-allowed" | "too-short" };

export function decideSnooze(request: SnoozeRequest): SnoozeDecision {
  const { policy, requested, now } = request;
  if (!mayAct(request)) return { ok: false, why: "not-allowed" };
  // NaN fails every comparison; written this way it is refused too.
  if (!(requested >= MIN_SNOOZE_MS)) return { ok: false, why: "too-short" };
  const maxMs = policy.snooze.max[request.slaClass];
  const capped = requested > maxMs;
  return { ok: true, until: now + (capped ? maxMs : requested), capped, maxMs, reason: tidyReason(request.reason) };
}

/** GitHub logins are case-insensitive. */
function mayAct({ actorCanWrite, actorInAllowList, actor, policy }: SnoozeRequest): boolean {
  if (actorCanWrite || actorInAllowList) return true;
  const login = actor.toLowerCase();
  return policy.snooze.allow.users.some((user) => user.toLowerCase() === login);
}

/** One line, bounded: the reason is stored with the snooze and shown on every check run until it ends. */
function tidyReason(reason: string): string {
  const line = reason.replace(/\s+/g, " ").trim();
  const chars = Array.from(line);
  return chars.length <= MAX_REASON_LENGTH ? line : `${chars.slice(0, MAX_REASON_LENGTH - 1).join("")}…`;
}
