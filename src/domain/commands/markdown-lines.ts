// What a single line of a comment is, block-wise, as CommonMark reads it: the parts live-lines.ts needs to tell
// a writer's prose from code, quotes and comments.

export interface Fence {
  char: "`" | "~";
  length: number;
  /** The column the fence's container content starts at (0 at top level, a list item's content column). */
  column: number;
}

/** Columns of leading whitespace (a tab runs to the next multiple of 4) and the text after it. */
export function splitIndent(line: string, startColumn = 0): { indent: number; text: string } {
  let column = startColumn;
  let i = 0;
  for (; i < line.length; i += 1) {
    if (line[i] === " ") column += 1;
    else if (line[i] === "\t") column += 4 - (column % 4);
    else break;
  }
  return { indent: column - startColumn, text: line.slice(i) };
}

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^(`{3,}|~{3,})[ \t]*$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const LIST_MARKER = /^(?:[-+*]|(\d{1,9})[.)])(?=[ \t]|$)/;

/** `text` has its indentation removed already. */
export function openingFence(text: string, column: number): Fence | null {
  const match = FENCE_OPEN.exec(text);
  const run = match?.[1];
  if (run === undefined) return null;
  const char = run[0] === "`" ? "`" : "~";
  // A backtick fence's info string cannot hold a backtick (that line is an inline code span instead).
  if (char === "`" && (match?.[2] ?? "").includes("`")) return null;
  return { char, length: run.length, column };
}

export function closesFence(text: string, fence: Fence): boolean {
  const run = FENCE_CLOSE.exec(text)?.[1];
  return run !== undefined && run[0] === fence.char && run.length >= fence.length;
}

export const isQuote = (text: string): boolean => text.startsWith(">");
export const isHtmlComment = (text: string): boolean => text.startsWith("<!--");
/** A heading or a thematic break: a block of its own that is never a paragraph line. */
export const isLeafLine = (text: string): boolean => ATX_HEADING.test(text) || THEMATIC_BREAK.test(text);
export const isSetextUnderline = (text: string): boolean => SETEXT_UNDERLINE.test(text);

export interface ListItem {
  /** Where the item's content starts, in columns from the start of the line. */
  contentColumn: number;
  /** The item's first line of content. */
  content: string;
  /** The content is itself indented code (five or more spaces after the marker). */
  contentIsCode: boolean;
  /** CommonMark lets only such an item interrupt a paragraph: not empty, and an ordered one only from 1. */
  mayInterrupt: boolean;
}

/** `text` starts at column `indent` of the line. */
export function listItem(text: string, indent: number): ListItem | null {
  const match = LIST_MARKER.exec(text);
  if (match === null) return null;
  const markerEnd = indent + match[0].length;
  const after = splitIndent(text.slice(match[0].length), markerEnd);
  const blank = after.text.trim() === "";
  const contentIsCode = !blank && after.indent >= 5;
  const spaces = blank || contentIsCode ? 1 : after.indent;
  return {
    contentColumn: markerEnd + spaces,
    content: contentIsCode ? "" : after.text,
    contentIsCode,
    mayInterrupt: !blank && (match[1] === undefined || match[1] === "1"),
  };
}
