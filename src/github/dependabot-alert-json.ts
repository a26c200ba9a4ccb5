import type { DependabotAlert } from "../domain/dependabot-alert.js";
import type { Severity } from "../domain/types.js";

const SEVERITIES: Record<string, Severity> = { critical: "critical", high: "high", medium: "moderate", moderate: "moderate", low: "low" };

const str = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === "object" ? (value as Record<string, unknown>) : {});

/** GitHub's alert JSON (REST and the `dependabot_alert` webhook share the shape) → our small record. */
export function alertFromJson(json: unknown): DependabotAlert | null {
  const alert = obj(json);
  const dependency = obj(alert.dependency);
  const pkg = obj(dependency.package);
  const advisory = obj(alert.security_advisory);
  const vulnerability = obj(alert.security_vulnerability);
  const number = alert.number;
  const name = str(pkg.name);
  const state = str(alert.state);
  if (typeof number !== "number" || !name || !state) return null;
  const severity = str(vulnerability.severity) ?? str(advisory.severity);
  return {
    number,
    state: (["open", "fixed", "dismissed", "auto_dismissed"].includes(state) ? state : "dismissed") as DependabotAlert["state"],
    ecosystem: str(pkg.ecosystem) ?? "",
    packageName: name,
    manifestPath: str(dependency.manifest_path) ?? "",
    severity: severity ? (SEVERITIES[severity.toLowerCase()] ?? null) : null,
    ghsaId: str(advisory.ghsa_id),
    cveId: str(advisory.cve_id),
    firstPatchedVersion: str(obj(vulnerability.first_patched_version).identifier),
    createdAt: Date.parse(str(alert.created_at) ?? "") || 0,
    fixedAt: Date.parse(str(alert.fixed_at) ?? "") || null,
    htmlUrl: str(alert.html_url),
  };
}
