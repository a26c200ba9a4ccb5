// Which lines of a comment are the writer's own prose. Quoting or documenting a command must never run it, so
// code (fenced with ``` or ~~~, or indented by four columns), block quotes, HTML comments and code spans (which
// may run over several lines) are skipped, as CommonMark reads them: a fence may be indented up to three spaces
// and closes only with a run at least as long; an indented line that continues a paragraph is prose, not code;
// inside a list item, indentation counts from the item's content.
import {
  closesFence,
  isHtmlComment,
  isLeafLine,
  isQuote,
  isSetextUnderline,
  listItem,
  openingFence,
  splitIndent,
  type Fence,
} from "./markdown-lines.js";

interface ParagraphLine {
  text: string;
  /** A list item's first line is not a line of its own: "- /merge-discipline …" lists a command. */
  live: boolean;
}

/** Strips a quote's markers; its content decides whether unmarked lines after it still belong to it. */
const quoteContent = (text: string): string => text.replace(/^(?:>[ \t]*)+/, "");

/** A line's block starts a paragraph's worth of text (that later unmarked lines may continue). */
function startsText(text: string): boolean {
  return text.trim() !== "" && openingFence(text, 0) === null && !isLeafLine(text) && !isHtmlComment(text);
}

class Reader {
  readonly live: string[] = [];
  private paragraph: ParagraphLine[] = [];
  /** Content columns of the open list items, outermost first (so strictly increasing). */
  private items: number[] = [];
  private fence: Fence | null = null;
  private inComment = false;
  /** A quote's paragraph is open: unmarked lines that do not start a block of their own continue it. */
  private quoteOpen = false;

  read(line: string): void {
    const { indent, text } = splitIndent(line);
    const blank = text.trim() === "";
    if (this.fence !== null) {
      // A fence ends with its container too: a line less indented than the list item it was opened in.
      if (blank || indent >= this.fence.column) {
        if (!blank && indent - this.fence.column <= 3 && closesFence(text, this.fence)) this.fence = null;
        return;
      }
      this.fence = null;
    }
    if (this.inComment) {
      this.inComment = !line.includes("-->");
      return;
    }
    if (blank) {
      this.flush();
      return;
    }
    const matched = this.items.filter((column) => column <= indent).length;
    const relative = indent - (this.items[matched - 1] ?? 0);
    if (this.paragraph.length > 0 || this.quoteOpen) {
      if (relative > 3 || !this.interrupts(text, indent)) {
        // A continuation line, however indented, and even when less indented than its list item ("lazy").
        if (!this.quoteOpen) this.paragraph.push({ text, live: true });
        return;
      }
      const underline = this.paragraph.length > 0 && isSetextUnderline(text);
      this.flush();
      if (underline) return;
    }
    this.items = this.items.slice(0, matched);
    if (relative > 3) return; // indented code
    this.startBlock(text, indent, true);
  }

  finish(): string[] {
    this.flush();
    return this.live;
  }

  private interrupts(text: string, indent: number): boolean {
    if (openingFence(text, 0) !== null || isQuote(text) || isHtmlComment(text) || isLeafLine(text)) return true;
    if (this.paragraph.length > 0 && isSetextUnderline(text)) return true;
    return listItem(text, indent)?.mayInterrupt ?? false;
  }

  /** `text` starts a block at column `indent`, inside the open list items. */
  private startBlock(text: string, indent: number, live: boolean): void {
    const fence = openingFence(text, this.items[this.items.length - 1] ?? 0);
    if (fence !== null) {
      this.fence = fence;
    } else if (isQuote(text)) {
      this.quoteOpen = startsText(quoteContent(text));
    } else if (isHtmlComment(text)) {
      this.inComment = !text.slice(4).includes("-->");
    } else if (isLeafLine(text)) {
      // A heading or a thematic break: nothing continues it.
    } else {
      const item = listItem(text, indent);
      if (item === null) {
        this.paragraph.push({ text, live });
        return;
      }
      this.items.push(item.contentColumn);
      if (!item.contentIsCode && item.content !== "") this.startBlock(item.content, item.contentColumn, false);
    }
  }

  private flush(): void {
    this.live.push(...paragraphStarts(this.paragraph));
    this.paragraph = [];
    this.quoteOpen = false;
  }
}

/** The lines, trimmed at the start, that begin outside any code, quote or comment. */
export function liveLines(body: string): string[] {
  const reader = new Reader();
  for (const line of body.split(/\r\n|\r|\n/)) reader.read(line);
  return reader.finish();
}

/** The lines of one paragraph whose start is not inside a code span or an inline HTML comment. */
function paragraphStarts(lines: readonly ParagraphLine[]): string[] {
  const text = lines.map((line) => line.text).join("\n");
  const hidden = hiddenRanges(text);
  const starts: string[] = [];
  let offset = 0;
  for (const line of lines) {
    const at = offset;
    if (line.live && !hidden.some(([from, to]) => from < at && at < to)) starts.push(line.text.trimStart());
    offset += line.text.length + 1;
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
