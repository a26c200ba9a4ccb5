// Text taken from a PR, a package registry or a user goes into our comments and issues only through here.
// GitHub turns text into mentions, issue links and autolinks after markdown rendering, so backslash escapes
// alone do not stop them; a zero-width space after the trigger character does, and stays invisible.

export const DEFAULT_MAX_LENGTH = 256;

const ZWSP = "\u200b";

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** Zero-width and bidirectional controls: invisible, they hide or reorder what a reader thinks they see. */
function isInvisible(code: number): boolean {
  return (
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x2060 ||
    code === 0x061c ||
    code === 0xfeff
  );
}

/** One line of visible text: a line break would let the rest start a heading, a table or a fence. */
function normalise(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (isInvisible(code)) continue;
    out += isControl(code) ? " " : ch;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** Cut by code points so a surrogate pair is never split. */
function truncate(text: string, maxLength: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  if (maxLength < 1) return "";
  return `${chars.slice(0, maxLength - 1).join("").trimEnd()}…`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Emphasis, code, links and images, headings, lists, tables, strikethrough, math, setext underlines.
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!|~$=]/g, "\\$&").replace(/^(\d+)\./, "$1\\.");
}

function breakAutolinks(text: string): string {
  return text
    .replace(/@/g, `@${ZWSP}`)
    .replace(/\\#/g, `\\#${ZWSP}`)
    .replace(/\b(GH)(?=\\-)/gi, `$1${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}

/**
 * Untrusted text as inert inline markdown: no mention, HTML (so no forged hidden marker), link, image,
 * autolink, issue reference or block structure; at most `maxLength` characters before escaping.
 */
export function escapeUntrusted(text: string, maxLength = DEFAULT_MAX_LENGTH): string {
  return breakAutolinks(escapeMarkdown(escapeHtml(truncate(normalise(text), maxLength))));
}

/**
 * Untrusted text as a code span, which GitHub leaves unlinked and unmentioned. `@` and HTML comment
 * delimiters still get a zero-width space: the raw body is what marker parsers and plain-text emails see.
 * Not for table cells, where `|` would still split the cell.
 */
export function inlineCode(text: string, maxLength = DEFAULT_MAX_LENGTH): string {
  const body = truncate(normalise(text), maxLength)
    .replace(/@/g, `@${ZWSP}`)
    .replace(/<!--/g, `<${ZWSP}!--`)
    .replace(/--!?>/g, (end) => `--${ZWSP}${end.slice(2)}`);
  if (body === "") return "` `";
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
