// A small, readable policy for escalation tests: one three-stage ladder for every class.
import type { EscalationStage, Policy, SlaClass } from "../../../src/domain/policy.js";
import { SLA_CLASSES } from "../../../src/domain/policy.js";
import { DAY } from "../../helpers/records.js";
import { DEFAULT_POLICY } from "../../../src/config/default-policy.js";

export const LADDER: EscalationStage[] = [
  { id: "50%", at: { fraction: 0.5 }, mention: "owners", label: null },
  { id: "100%", at: { fraction: 1 }, mention: "owners-and-contacts", label: "overdue" },
  { id: "150%", at: { fraction: 1.5 }, mention: "contacts", label: null },
];

const SLA: Record<SlaClass, number> = {
  "security.critical": 2 * DAY,
  "security.high": 7 * DAY,
  "security.moderate": 30 * DAY,
  "security.low": 90 * DAY,
  "security.unknown": 14 * DAY,
  major: 30 * DAY,
  minor: 14 * DAY,
  patch: 7 * DAY,
  other: 30 * DAY,
};

export function policy(overrides: Partial<Policy> = {}): Policy {
  const stages = Object.fromEntries(SLA_CLASSES.map((c) => [c, LADDER])) as Record<SlaClass, EscalationStage[]>;
  // Everything this fixture does not pin down (snooze, gate, auto-merge, digest) is the documented default.
  return {
    ...DEFAULT_POLICY,
    enabled: true,
    sla: { ...SLA },
    stages,
    owners: { users: [], teams: [], codeowners: true },
    contacts: { users: ["sec-lead"], teams: ["acme/security"] },
    businessDays: false,
    timezone: "UTC",
    workingHours: null,
    ...overrides,
  };
}

export function withLadder(base: Policy, ladder: EscalationStage[]): Policy {
  const stages = Object.fromEntries(SLA_CLASSES.map((c) => [c, ladder])) as Record<SlaClass, EscalationStage[]>;
  return { ...base, stages };
}
