// Which SLA a recognised update is held to: security first (its severity decides), then how far it moves.
import type { SlaClass } from "./policy.js";
import type { RecognisedUpdate } from "./types.js";

export function slaClassOf(update: RecognisedUpdate): SlaClass {
  if (update.security) return `security.${update.severity ?? "unknown"}`;
  switch (update.updateType) {
    case "major":
    case "minor":
    case "patch":
      return update.updateType;
    default:
      // digest, pin, lockfile and unknown moves carry no semver signal, so they share the loosest class
      return "other";
  }
}
