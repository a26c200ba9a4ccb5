// Shapes the schema uses more than once: a duration per SLA class (the SLA table and the snooze limits), a set
// of people, and the spellings GitHub uses where the policy uses its own.
import type { Severity } from "../domain/types.js";
import type { ValueOf } from "./field.js";
import { list, object } from "./field.js";
import { duration, login, team } from "./fields.js";

/** Most severe first, the order people read them in. */
export const SEVERITIES: readonly Severity[] = ["critical", "high", "moderate", "low"];

/** GitHub says "medium" where the policy says "moderate". */
export const SEVERITY_ALIASES = { medium: "moderate" };
export const CLASS_ALIASES = { "security.medium": "security.moderate" };

export interface ClassDefaults {
  security: Record<Severity | "unknown", string>;
  major: string;
  minor: string;
  patch: string;
  other: string;
}

/** `sla` and `snooze.max` read alike, so a user who knows one knows the other. */
export function classDurations(defaults: ClassDefaults, doc: string) {
  const { security } = defaults;
  return object(
    {
      security: object(
        {
          critical: duration({ doc: "Security update, critical severity.", default: security.critical }),
          high: duration({ doc: "Security update, high severity.", default: security.high }),
          moderate: duration({ doc: "Security update, moderate (GitHub: medium) severity.", default: security.moderate }),
          low: duration({ doc: "Security update, low severity.", default: security.low }),
          unknown: duration({ doc: "A security update whose severity is not known.", default: security.unknown }),
        },
        { doc: "Security updates, by advisory severity.", noun: "severity", aliases: SEVERITY_ALIASES },
      ),
      major: duration({ doc: "Major version updates.", default: defaults.major }),
      minor: duration({ doc: "Minor version updates.", default: defaults.minor }),
      patch: duration({ doc: "Patch version updates.", default: defaults.patch }),
      other: duration({ doc: "Digest, pin, lock file maintenance and moves of unknown size.", default: defaults.other }),
    },
    { doc, noun: "class" },
  );
}

export type ClassDurations = ValueOf<ReturnType<typeof classDurations>>;

export const principals = (docs: { users: string; teams: string }) => ({
  users: list(login('A GitHub login, e.g. "octocat".'), { type: "list of logins", doc: docs.users, default: [] }),
  teams: list(team('A team as "org/team-slug".'), { type: "list of teams", doc: docs.teams, default: [] }),
});
