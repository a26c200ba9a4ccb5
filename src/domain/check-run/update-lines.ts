// What the update is: packages and versions, where, and for a security fix its severity and advisories.
// Every name and version comes from the PR, so all of it goes through markdown-escape.
import { escapeUntrusted, inlineCode } from "../markdown-escape.js";
import type { SlaClass } from "../policy.js";
import { advisoryLink } from "../advisory-link.js";
import type { PackageChange, RecognisedUpdate } from "../types.js";

const MAX_PACKAGES = 10;
const MAX_ADVISORIES = 10;

function packageText(change: PackageChange): string {
  const name = inlineCode(change.name, 100);
  if (change.replacedBy !== undefined) {
    const from = change.from === null ? "" : ` ${inlineCode(change.from, 64)}`;
    return `${name}${from} → replaced by ${inlineCode(change.replacedBy, 100)}`;
  }
  const from = change.from === null ? null : inlineCode(change.from, 64);
  const to = change.to === null ? null : inlineCode(change.to, 64);
  if (from !== null && to !== null) return `${name} ${from} → ${to}`;
  if (to !== null) return `${name} → ${to}`;
  return from === null ? name : `${name} ${from} → (version not known)`;
}

export function updateLine(update: RecognisedUpdate): string {
  const where = [
    update.ecosystem === null ? null : escapeUntrusted(update.ecosystem, 40),
    update.directory === null ? null : `directory ${inlineCode(update.directory, 120)}`,
    update.updateType,
  ].filter((fact): fact is string => fact !== null);
  const [only, ...others] = update.packages;
  if (only === undefined) return `- **Update:** packages not known · ${where.join(" · ")}`;
  if (others.length === 0) return `- **Update:** ${[packageText(only), ...where].join(" · ")}`;
  const shown = update.packages.slice(0, MAX_PACKAGES).map((change) => `  - ${packageText(change)}`);
  const hidden = update.packages.length - shown.length;
  if (hidden > 0) shown.push(`  - …and ${hidden} more`);
  return [`- **Update:** ${[`${update.packages.length} packages`, ...where].join(" · ")}`, ...shown].join("\n");
}

/** Advisories are linked only when their id is a valid GHSA or CVE id; anything else is left out. */
export function securityLine(update: RecognisedUpdate, webUrl?: string): string | null {
  if (!update.security) return null;
  const links = [...new Set(update.advisories.map((id) => advisoryLink(id, webUrl)).filter((link): link is string => link !== null))];
  const shown = links.slice(0, MAX_ADVISORIES);
  if (links.length > shown.length) shown.push(`…and ${links.length - shown.length} more`);
  const severity = update.severity === null ? "unknown severity" : `**${update.severity}** severity`;
  return `- **Security:** ${[severity, ...shown].join(" · ")}`;
}

export function classText(slaClass: SlaClass): string {
  if (!slaClass.startsWith("security.")) return `${slaClass} updates`;
  const severity = slaClass.slice("security.".length);
  return severity === "unknown" ? "security updates of unknown severity" : `${severity}-severity security updates`;
}
