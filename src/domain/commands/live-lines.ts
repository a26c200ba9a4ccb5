// Which lines of a comment are the writer's own prose. Quoting or documenting a command must never run it, so
// fenced code, block quotes, HTML comments and code spans (which may run over several lines) are skipped,
// following CommonMark closely enough for what people type in a PR comment. Leading whitespace is allowed on a
// command line (email replies and pasted text indent), so indentation alone does not make a line code.

interface Fence {
  char: "`" | "~";
  length: number;
}

// Indented further than CommonMark's 3 spaces these would be code, which hides its lines just the same.
const FENCE_OPEN = /^\s*(`{3,}|~{3,})(.*)$/;
const QUOTE = /^\s*>/;
const HTML_COMMENT = /^\s*<!--/;

function openingFence(line: string): Fence | null {
  const match = FENCE_OPEN.exec(line);
  const run = match?.[1];
  if (run === undefined) return null;
  const char = run[0] === "`" ? "`" : "~";
  // A backtick fence's info string cannot hold a backtick (that line is an inline code span instead).
  if (char === "`" && (match?.[2] ?? "").includes("`")) return null;
  return { char, length: run.length };
}

function closesFence(line: string, fence: Fence): boolean {
  const match = /^\s*(`+|~+)\s*$/.exec(line);
  const run = match?.[1];
  return run !== undefined && run[0] === fence.char && run.length >= fence.length;
}

/** The lines, trimmed at the start, that begin outside any code, quote or comment. */
export function liveLines(body: string): string[] {
  const lines = body.split(/\r\n|\r|\n/);
  const live: string[] = [];
  let paragraph: string[] = [];
  let fence: Fence | null = null;
  let inComment = false;
  const flush = (): void => {
    live.push(...paragraphStarts(paragraph));
    paragraph = [];
  };
  for (const line of lines) {
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (inComment) {
      inComment = !line.includes("-->");
      continue;
    }
    const blank = line.trim() === "";
    const opened = openingFence(line);
    // Each of these ends the paragraph, so a code span cannot run across them.
    if (blank || opened !== null || QUOTE.test(line) || HTML_COMMENT.test(line)) flush();
    if (opened !== null) fence = opened;
    else if (HTML_COMMENT.test(line)) inComment = !line.slice(line.indexOf("<!--") + 4).includes("-->");
    else if (!blank && !QUOTE.test(line)) paragraph.push(line);
  }
  flush();
  return live;
}

/** The lines of one paragraph whose start is not inside a code span or an inline HTML comment. */
function paragraphStarts(lines: readonly string[]): string[] {
  const text = lines.join("\n");
  const hidden = hiddenRanges(text);
  const starts: string[] = [];
  let offset = 0;
  for (const line of lines) {
    const at = offset;
    if (!hidden.some(([from, to]) => from < at && at < to)) starts.push(line.trimStart());
    offset += line.length + 1;
  }
  return starts;
}

/** [from, to) of every code span and inline HTML comment; an unclosed one is literal text, as in CommonMark. */
function hiddenRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === "\\") {
      i += 2;
    } else if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end !== -1) ranges.push([i, end + 3]);
      i = end === -1 ? i + 4 : end + 3;
    } else if (text[i] === "`") {
      const run = /^`+/.exec(text.slice(i))?.[0].length ?? 1;
      const close = closingRun(text, i + run, run);
      if (close !== -1) ranges.push([i, close + run]);
      i = close === -1 ? i + run : close + run;
    } else {
      i += 1;
    }
  }
  return ranges;
}

/** Where a backtick run of exactly `length` starts at or after `from`, or -1. */
function closingRun(text: string, from: number, length: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === length) return match.index;
  }
  return -1;
}
