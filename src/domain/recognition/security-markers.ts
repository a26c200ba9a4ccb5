// Security signals in a bot PR: title markers, the `security` label, and the advisory sections of the body
// (Renovate's "GitHub Vulnerability Alerts" and OSV notes, Dependabot's "Vulnerabilities fixed").
import type { Severity } from "../types.js";
import { boundedText } from "./input-bounds.js";
import { withoutDetails } from "./markdown-text.js";

export interface SecurityMarkers {
  security: boolean;
  /** GHSA and CVE ids in canonical form (`GHSA-` + lower case, `CVE-` upper case), de-duplicated, in order of appearance. */
  advisories: string[];
  /** The highest severity stated, GitHub's "medium" read as "moderate". */
  severity: Severity | null;
}

const ADVISORY = /\b(GHSA(?:-[0-9a-z]{4}){3}|CVE-\d{4}-\d{4,7})\b/gi;
const SECURITY_SENTENCES = [
  /This update includes (?:a )?security fix(?:es)?/i, // dependabot-core MessageBuilder
  /<summary>\s*Vulnerabilities fixed\s*<\/summary>/i, // dependabot-core MessageBuilder
  /^#{2,4}\s*GitHub Vulnerability Alerts\s*$/im, // Renovate, alerts from GitHub
];
const SEVERITY_PATTERNS = [
  /CVSS Score:\s*[\d.]+\s*\/\s*10\s*\((critical|high|medium|moderate|low)\)/gi, // Renovate OSV notes
  /####\s*Severity\s*\n+\s*(?:-\s*)?(critical|high|medium|moderate|low)\b/gi, // OSV notes without a vector
  /\bseverity\**\s*[:|]\s*\**\s*(critical|high|medium|moderate|low)\b/gi, // "Severity: High", "**Severity**: High"
];
const RANK: Record<Severity, number> = { critical: 4, high: 3, moderate: 2, low: 1 };

/**
 * Reads only the bot's own text: release notes and changelogs are dropped first, because they routinely
 * mention CVEs fixed in other packages or in versions this PR does not reach.
 */
export function securityMarkers(input: { titleMarker: boolean; labels: readonly string[]; body: string }): SecurityMarkers {
  const own = botOwnText(input.body);
  const advisories = advisoryIds(own);
  const severity = highestSeverity(own);
  const labelled = input.labels.some((label) => /(?:^|[^a-z])security(?:$|[^a-z])/i.test(label));
  const stated = SECURITY_SENTENCES.some((pattern) => pattern.test(own));
  const security = input.titleMarker || labelled || stated || advisories.length > 0 || severity !== null;
  return { security, advisories, severity };
}

export function botOwnText(body: string): string {
  const text = withoutDetails(boundedText(body), (summary) => /^(?:More information|Vulnerabilities fixed)$/i.test(summary));
  // Renovate's "### Release Notes" heading is left behind once its <details> are gone; cut any stray rest.
  return text.replace(/^#{2,3} Release Notes\s*$[\s\S]*?(?=^#{2,3} Configuration\s*$|(?![\s\S]))/m, "");
}

export function advisoryIds(text: string): string[] {
  const ids = [...text.matchAll(ADVISORY)].map((match) => canonicalAdvisoryId(match[1] ?? ""));
  return [...new Set(ids)];
}

/** The forms GitHub's advisory database prints: `GHSA-xxxx-xxxx-xxxx` (lower case after the prefix), `CVE-2024-1234`. */
export function canonicalAdvisoryId(id: string): string {
  return /^ghsa-/i.test(id) ? `GHSA-${id.slice(5).toLowerCase()}` : id.toUpperCase();
}

export function highestSeverity(text: string): Severity | null {
  let best: Severity | null = null;
  for (const pattern of SEVERITY_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const word = (match[1] ?? "").toLowerCase();
      const severity: Severity = word === "medium" ? "moderate" : (word as Severity);
      if (best === null || RANK[severity] > RANK[best]) best = severity;
    }
  }
  return best;
}
