import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseCommands } from "../../../src/domain/commands/parse-commands.js";
import type { Command } from "../../../src/domain/commands/parse-commands.js";

const SLUG = "merge-discipline";
const M = 60_000;
const H = 60 * M;
const D = 24 * H;
const kinds = (body: string): string[] => parseCommands(body, SLUG).map((command) => command.kind);

describe("parseCommands: recognised", () => {
  const table: Array<[string, string, Command[]]> = [
    ["a snooze with a reason", "/merge-discipline snooze 3d waiting for upstream", [{ kind: "snooze", text: "/merge-discipline snooze 3d waiting for upstream", durationMs: 3 * D, reason: "waiting for upstream" }]],
    ["a snooze without a reason", "/merge-discipline snooze 36h", [{ kind: "snooze", text: "/merge-discipline snooze 36h", durationMs: 36 * H, reason: "" }]],
    ["a duration in parts", "/merge-discipline snooze 1w 2d x", [{ kind: "snooze", text: "/merge-discipline snooze 1w 2d x", durationMs: 9 * D, reason: "x" }]],
    ["a compact duration", "/merge-discipline snooze 1d12h", [{ kind: "snooze", text: "/merge-discipline snooze 1d12h", durationMs: 36 * H, reason: "" }]],
    ["a duration in capitals", "/merge-discipline snooze 7D", [{ kind: "snooze", text: "/merge-discipline snooze 7D", durationMs: 7 * D, reason: "" }]],
    ["a reason that starts like a duration", "/merge-discipline snooze 3d 2fast", [{ kind: "snooze", text: "/merge-discipline snooze 3d 2fast", durationMs: 3 * D, reason: "2fast" }]],
    ["a zero snooze (refused later, as too short)", "/merge-discipline snooze 0m", [{ kind: "snooze", text: "/merge-discipline snooze 0m", durationMs: 0, reason: "" }]],
    ["unsnooze", "/merge-discipline unsnooze", [{ kind: "unsnooze", text: "/merge-discipline unsnooze" }]],
    ["status, verb in capitals", "/merge-discipline STATUS", [{ kind: "status", text: "/merge-discipline STATUS" }]],
    ["help with words after it", "/merge-discipline help please", [{ kind: "help", text: "/merge-discipline help please" }]],
    ["the app mentioned", "@merge-discipline status", [{ kind: "status", text: "@merge-discipline status" }]],
    ["the app mentioned as a bot, in capitals", "@Merge-Discipline[bot] help", [{ kind: "help", text: "@Merge-Discipline[bot] help" }]],
    ["up to three spaces of indentation", "   /merge-discipline status  ", [{ kind: "status", text: "/merge-discipline status" }]],
    ["a Windows line end", "thanks\r\n/merge-discipline status\r\n", [{ kind: "status", text: "/merge-discipline status" }]],
  ];
  for (const [name, body, expected] of table) {
    it(name, () => assert.deepEqual(parseCommands(body, SLUG), expected));
  }
});

describe("parseCommands: invalid commands are answered, not dropped", () => {
  const table: Array<[string, string, string]> = [
    ["no verb", "/merge-discipline", "no command after /merge-discipline: snooze, unsnooze, status or help"],
    ["a misspelt verb", "/merge-discipline snoze 3d", '"snoze" is not a command (did you mean "snooze"?)'],
    ["an unknown verb", "/merge-discipline merge", '"merge" is not a command: use snooze, unsnooze, status or help'],
    ["snooze without duration", "/merge-discipline snooze", 'snooze needs a duration, e.g. "snooze 3d waiting for a fix upstream"'],
    ["a duration in words", "/merge-discipline snooze 2 days", '"2" is not a duration: use e.g. 30m, 36h, 2d or 1w'],
    ["an unknown unit", "/merge-discipline snooze 1mo", '"1mo" is not a duration: use e.g. 30m, 36h, 2d or 1w'],
    ["a reason first", "@merge-discipline snooze until Friday", '"until" is not a duration: use e.g. 30m, 36h, 2d or 1w'],
    ["a duration beyond precision", `/merge-discipline snooze ${"9".repeat(30)}d`, `"${"9".repeat(30)}d" is not a duration: use e.g. 30m, 36h, 2d or 1w`],
  ];
  for (const [name, body, problem] of table) {
    it(name, () => assert.deepEqual(parseCommands(body, SLUG), [{ kind: "invalid", text: body, problem }]));
  }
});

describe("parseCommands: quoting or documenting a command never runs it", () => {
  const table: Array<[string, string]> = [
    ["a backtick fence", "Run this:\n```\n/merge-discipline snooze 3d\n```"],
    ["a tilde fence with info string", "~~~text\n@merge-discipline snooze 3d\n~~~"],
    ["an unclosed fence", "```\n/merge-discipline snooze 3d"],
    ["a longer fence closed only by a long enough run", "````\n```\n/merge-discipline snooze 3d\n````"],
    ["a quote", "> /merge-discipline snooze 3d"],
    ["a quote, indented", "   > @merge-discipline snooze 3d"],
    ["inline code", "`/merge-discipline snooze 3d`"],
    ["inline code spanning lines", "Type `\n/merge-discipline snooze 3d\n` to snooze."],
    ["double-backtick code spanning lines", "Use ``a ` b\n/merge-discipline snooze 3d``"],
    ["an HTML comment", "<!--\n/merge-discipline snooze 3d\n-->"],
    ["an inline HTML comment", "text <!-- hidden\n/merge-discipline snooze 3d -->"],
    ["mid-line", "please /merge-discipline snooze 3d"],
    ["a longer word", "/merge-disciplined snooze 3d"],
    ["another app", "@dependabot rebase\n@merge-disciplinebot status"],
    ["a list item", "- /merge-discipline snooze 3d"],
    ["an indented code block", "Like this:\n\n    /merge-discipline snooze 3d"],
    ["an indented code block at the start", "    /merge-discipline snooze 3d"],
    ["a tab-indented code block", "Like this:\n\n\t/merge-discipline snooze 3d"],
    ["an indented code block after blank lines inside it", "    x\n\n    /merge-discipline snooze 3d"],
    ["an indented code block after a heading", "## How\n    /merge-discipline snooze 3d"],
    ["an indented code block after a closed fence", "```\nx\n```\n    /merge-discipline snooze 3d"],
    ["code indented inside a list item", "- step\n\n      /merge-discipline snooze 3d"],
    ["a fence indented by three spaces", "   ```\n/merge-discipline snooze 3d\n   ```"],
    ["a fence of four backticks not closed by three", "````\n/merge-discipline snooze 3d\n```\n/merge-discipline status\n````"],
    ["a tilde fence not closed by backticks", "~~~~\n/merge-discipline snooze 3d\n```\n/merge-discipline status"],
    ["a fence whose closing run is indented four spaces", "```\n    ```\n/merge-discipline snooze 3d"],
    ["a fence in a list item", "- ```\n  /merge-discipline snooze 3d\n  ```"],
    ["a quote's lazy continuation", "> you wrote\n/merge-discipline snooze 3d"],
    ["a quote in a list item", "- > /merge-discipline snooze 3d"],
  ];
  for (const [name, body] of table) {
    it(name, () => assert.deepEqual(parseCommands(body, SLUG), []));
  }

  const live: Array<[string, string, string[]]> = [
    ["after a closed fence", "```\n/merge-discipline snooze 1d\n```\n/merge-discipline status", ["status"]],
    ["after a quote", "> /merge-discipline snooze 1d\n\n/merge-discipline status", ["status"]],
    ["after a closed code span", "`x` and\n/merge-discipline status", ["status"]],
    ["after a lone backtick (literal, not code)", "a ` b\n/merge-discipline status", ["status"]],
    ["after an escaped backtick", "a \\` b `c`\n/merge-discipline status", ["status"]],
    ["after a closed HTML comment", "<!-- note -->\n/merge-discipline status", ["status"]],
    ["indented, continuing a paragraph (not code)", "Sure.\n    /merge-discipline status", ["status"]],
    ["indented by a tab, continuing a paragraph", "Sure.\n\t/merge-discipline status", ["status"]],
    ["after an indented code block", "    /merge-discipline snooze 1d\n/merge-discipline status", ["status"]],
    ["after a fence closed by a longer run", "```\n/merge-discipline snooze 1d\n`````\n/merge-discipline status", ["status"]],
    ["after a fence indented by three spaces", "   ~~~\n/merge-discipline snooze 1d\n   ~~~\n/merge-discipline status", ["status"]],
    // Indented by a tab, ``` is code, not a fence: the lines after it are prose.
    ["after a tab-indented ``` (code, not a fence)", "\t```\n/merge-discipline status", ["status"]],
    ["in a list item's second paragraph", "- first\n\n  /merge-discipline status", ["status"]],
    ["continuing a list item", "1. first\n   /merge-discipline status", ["status"]],
    ["indented four spaces inside a list item (not code there)", "10. first\n\n    /merge-discipline status", ["status"]],
    ["after a list item's fence", "- ```\n  /merge-discipline snooze 1d\n  ```\n\n/merge-discipline status", ["status"]],
    ["after a heading", "# Notes\n/merge-discipline status", ["status"]],
  ];
  for (const [name, body, expected] of live) {
    it(`runs a command ${name}`, () => assert.deepEqual(kinds(body), expected));
  }
});

describe("parseCommands: limits", () => {
  it("returns at most the first 3 commands, invalid ones included", () => {
    const body = ["/merge-discipline status", "/merge-discipline nope", "/merge-discipline help", "/merge-discipline unsnooze"].join("\n");
    assert.deepEqual(kinds(body), ["status", "invalid", "help"]);
  });

  it("treats a slug as text, not a pattern", () => {
    assert.deepEqual(parseCommands("@mergeXdiscipline status", "merge.discipline"), []);
    assert.deepEqual(kinds("@merge.discipline status"), []);
    assert.deepEqual(parseCommands("@merge.discipline status", "merge.discipline").map((c) => c.kind), ["status"]);
  });

  it("still reads the slash form when the slug is empty", () => {
    assert.deepEqual(parseCommands("/merge-discipline help\n@ help", "").map((c) => c.kind), ["help"]);
  });
});
