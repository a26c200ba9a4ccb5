// CODEOWNERS as GitHub reads it: gitignore-like patterns, the last matching line wins, and a pattern without
// owners takes ownership away. Only GitHub's documented subset: no `!` negation, no `[…]` ranges (GitHub
// skips such lines as errors, and so do we rather than guess an owner).

export interface CodeownersEntry {
  pattern: string;
  /** `@user` and `@org/team` as written; emails are dropped because they cannot be mentioned. */
  owners: string[];
  /** 1-based line in the file, for messages that point users at the line. */
  line: number;
}

/** GitHub ignores CODEOWNERS files of 3 MB or more; reading no further bounds the work on hostile input. */
const MAX_TEXT = 3 * 1024 * 1024;

export function parseCodeowners(text: string): CodeownersEntry[] {
  const entries: CodeownersEntry[] = [];
  const lines = text.slice(0, MAX_TEXT).replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, index) => {
    const [pattern, ...rest] = tokens(raw);
    if (pattern === undefined || !supported(pattern)) return;
    entries.push({ pattern, owners: rest.filter((owner) => /^@[^@]+$/.test(owner)), line: index + 1 });
  });
  return entries;
}

/** Whitespace-separated tokens up to a comment; a backslash keeps the next character (an escaped space). */
function tokens(line: string): string[] {
  const found: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] ?? "";
    if (ch === "\\" && i + 1 < line.length) {
      current += ch + (line[i + 1] ?? "");
      i += 1;
    } else if (ch === " " || ch === "\t") {
      if (current !== "") found.push(current);
      current = "";
    } else if (ch === "#" && current === "") {
      break;
    } else {
      current += ch;
    }
  }
  if (current !== "") found.push(current);
  return found;
}

function supported(pattern: string): boolean {
  return !pattern.startsWith("!") && !/(^|[^\\])[[\]]/.test(pattern) && !pattern.includes("***");
}

/** Owners of `path` (repository-relative, a leading `/` or `./` is ignored): the last matching entry's. */
export function codeownersFor(entries: readonly CodeownersEntry[], path: string): string[] {
  const target = path.replace(/^(?:\.?\/)+/, "");
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index];
    if (entry && patternRegex(entry.pattern)?.test(target)) return [...entry.owners];
  }
  return [];
}

/**
 * gitignore semantics as GitHub applies them: a slash at the start or in the middle anchors the pattern to
 * the root, otherwise it matches at any depth; a trailing slash means "everything below"; a pattern naming a
 * directory covers its contents, except a final lone `*`, which GitHub documents as one level only.
 */
export function patternRegex(pattern: string): RegExp | null {
  if (pattern === "/") return null;
  let segments = pattern.split("/");
  if (segments[0] === "") {
    segments = segments.slice(1);
  } else if ((segments.length === 1 || (segments.length === 2 && segments[1] === "")) && segments[0] !== "**") {
    segments = ["**", ...segments];
  }
  if (segments.length > 1 && segments[segments.length - 1] === "") segments[segments.length - 1] = "**";
  let source = "";
  let needSlash = false;
  segments.forEach((segment, index) => {
    const first = index === 0;
    const last = index === segments.length - 1;
    if (segment === "**") {
      if (first && last) source += ".+";
      else if (first) source += "(?:.+/)?";
      else if (last) source += "/.*";
      else source += "(?:/.+)?";
      needSlash = !first;
      return;
    }
    if (needSlash) source += "/";
    source += segment === "*" ? "[^/]+" : segmentSource(segment) + (last ? "(?:/.*)?" : "");
    needSlash = true;
  });
  return new RegExp(`^${source}$`, "s");
}

function segmentSource(segment: string): string {
  let source = "";
  for (let i = 0; i < segment.length; i += 1) {
    const ch = segment[i] ?? "";
    if (ch === "\\" && i + 1 < segment.length) {
      i += 1;
      source += escapeRegex(segment[i] ?? "");
    } else if (ch === "*") {
      source += "[^/]*";
    } else if (ch === "?") {
      source += "[^/]";
    } else {
      source += escapeRegex(ch);
    }
  }
  return source;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
