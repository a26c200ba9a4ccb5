// Small text helpers shared by the title and body readers. Bot PR bodies are markdown with HTML mixed in.

import { boundedText } from "./input-bounds.js";

export function lines(text: string): string[] {
  return boundedText(text).split(/\r?\n/);
}

/** Backticks, HTML entities and zero-width characters (Renovate breaks `@mentions` with `@&#8203;`) removed. */
export function unquote(text: string): string {
  return decodeEntities(text).replace(/[`\u200B-\u200D\uFEFF]/g, "").trim();
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The entities the bots write into markdown: numeric ones and the few named ones HTML escaping produces. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,6}));/gi, (whole, decimal?: string, hex?: string, named?: string) => {
    if (named !== undefined) return NAMED_ENTITIES[named.toLowerCase()] ?? whole;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? "", 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Drops `<details>` blocks (release notes, changelogs, commit lists) that the bots copy from upstream: their
 * text mentions other packages, versions and CVEs that are not this PR's. Blocks whose summary `keep` accepts
 * stay (Renovate's "More information" advisory block, Dependabot's "Vulnerabilities fixed").
 * Depth-aware because release notes often nest their own `<details>`.
 */
export function withoutDetails(text: string, keep: (summary: string) => boolean = () => false): string {
  // `[^<>]` keeps the attempts from overlapping: an unclosed `<details` scans only up to the next `<`.
  const tag = /<(\/?)details\b[^<>]*>/gi;
  let out = "";
  let depth = 0;
  let cursor = 0;
  let dropping = false;
  for (let match = tag.exec(text); match !== null; match = tag.exec(text)) {
    const closing = match[1] === "/";
    if (!closing) {
      if (depth === 0) {
        out += text.slice(cursor, match.index);
        dropping = !keep(summaryAfter(text, tag.lastIndex));
        cursor = match.index;
      }
      depth += 1;
    } else if (depth > 0) {
      depth -= 1;
      if (depth === 0) {
        if (!dropping) out += text.slice(cursor, tag.lastIndex);
        cursor = tag.lastIndex;
      }
    }
  }
  return depth > 0 && dropping ? out : out + text.slice(cursor);
}

function summaryAfter(text: string, from: number): string {
  const match = /^\s*<summary>([\s\S]{0,200}?)<\/summary>/i.exec(text.slice(from, from + 400));
  return match?.[1]?.replace(/<[^>]+>/g, "").trim() ?? "";
}

/** `[^[\]]`, not `[^\]]`: with it a run of `[` without `]` is scanned once, not once per `[` (linear, not quadratic). */
export const LINK = /\[([^[\]]*)\]\(/;
export const LINKS = /\[([^[\]]+)\]\(/g;

/** Text of a markdown link `[text](url)`, or the cell itself without backticks and emphasis. */
export function linkText(cell: string): string {
  const link = LINK.exec(cell);
  return unquote(link?.[1] ?? cell).replace(/^\*+|\*+$/g, "");
}
