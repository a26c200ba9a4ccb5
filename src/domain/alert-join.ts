// Dependabot security PRs often say nothing about security; the alert they fix does. A PR fixes an
// alert when it updates the same package of the same ecosystem in the same manifest's directory to a
// version at or past the first patched one.
import semver from "semver";
import type { DependabotAlert } from "./dependabot-alert.js";
import type { RecognisedUpdate, Severity } from "./types.js";

/** Our canonical ecosystem → the advisory database's names (Gradle projects get Maven advisories). */
const ADVISORY_ECOSYSTEMS: Record<string, string[]> = {
  npm: ["npm"],
  pip: ["pip"],
  bundler: ["rubygems"],
  maven: ["maven"],
  gradle: ["maven"],
  nuget: ["nuget"],
  composer: ["composer"],
  gomod: ["go"],
  cargo: ["rust"],
  pub: ["pub"],
  hex: ["erlang"],
  "github-actions": ["actions"],
  swift: ["swift"],
};

const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, moderate: 2, low: 1 };

export function alertDirectory(manifestPath: string): string {
  const parts = manifestPath.replace(/^\/+/, "").split("/");
  parts.pop();
  return `/${parts.join("/")}`;
}

function fixes(update: RecognisedUpdate, alert: DependabotAlert): boolean {
  if (alert.state !== "open" && alert.state !== "fixed") return false;
  if (!update.ecosystem || !(ADVISORY_ECOSYSTEMS[update.ecosystem] ?? []).includes(alert.ecosystem)) return false;
  if ((update.directory ?? "/") !== alertDirectory(alert.manifestPath)) return false;
  const change = update.packages.find((p) => p.name.toLowerCase() === alert.packageName.toLowerCase());
  if (!change) return false;
  if (!alert.firstPatchedVersion || !change.to) return true;
  const to = semver.coerce(change.to, { includePrerelease: true });
  const patched = semver.coerce(alert.firstPatchedVersion, { includePrerelease: true });
  return !to || !patched || semver.gte(to, patched);
}

/** The update with what the alerts it fixes say: security, the highest severity, their advisory ids. */
export function withAlerts(update: RecognisedUpdate, alerts: readonly DependabotAlert[]): RecognisedUpdate {
  if (update.bot !== "dependabot") return update;
  const fixed = alerts.filter((alert) => fixes(update, alert));
  if (fixed.length === 0) return update;
  const severities = [update.severity, ...fixed.map((a) => a.severity)].filter((s): s is Severity => s !== null);
  const severity = severities.sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a])[0] ?? null;
  const ids = fixed.flatMap((a) => [a.ghsaId, a.cveId]).filter((id): id is string => Boolean(id));
  return { ...update, security: true, severity, advisories: [...new Set([...update.advisories, ...ids])] };
}
