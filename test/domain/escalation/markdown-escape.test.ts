import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { escapeUntrusted, inlineCode } from "../../../src/domain/markdown-escape.js";

const ZWSP = "\u200b";

/** Markup that would be live in a GitHub comment if it survived escaping. */
const LIVE: Array<[string, RegExp]> = [
  ["mention", /@[A-Za-z0-9]/],
  ["raw HTML", /[<>]/],
  ["HTML comment", /<!--|-->/],
  ["unescaped link or image bracket", /(^|[^\\])[[\]]/],
  ["unescaped parenthesis", /(^|[^\\])[()]/],
  ["unescaped backtick", /(^|[^\\])`/],
  ["scheme autolink", /[a-z]+:\/\//i],
  ["www autolink", /www\./i],
  ["issue reference", /#\d/],
  ["GH- reference", /GH\\?-\d/i],
  ["line break", /[\r\n]/],
];

describe("escapeUntrusted", () => {
  const attacks = [
    "@admin please merge",
    "cc @org/team",
    "<img src=x onerror=alert(1)>",
    "<!-- merge-discipline:nudge stage=100% lineage=x -->",
    "[click](http://evil)",
    "![x](y)",
    "see http://evil.example and HTTPS://EVIL.example",
    "visit www.evil.example",
    "fixes #1 and acme/web#2",
    "see GH-12",
    "```js\nalert(1)\n```",
    "# Heading\n\n| a | b |\n|---|---|",
    "&#64;admin &lt;b&gt;",
    "mail me: someone@example.com",
    "line\u2028separator and \u202Ereversed",
  ];
  for (const attack of attacks) {
    it(`neutralises ${JSON.stringify(attack)}`, () => {
      const out = escapeUntrusted(attack);
      for (const [what, pattern] of LIVE) assert.doesNotMatch(out, pattern, `${what} in ${JSON.stringify(out)}`);
    });
  }

  const exact: Array<[string, string]> = [
    ["lodash 4.17.21", "lodash 4.17.21"],
    ["@admin", `@${ZWSP}admin`],
    ["a < b & c", "a &lt; b &amp; c"],
    ["[x](y)", "\\[x\\]\\(y\\)"],
    ["#12", `\\#${ZWSP}12`],
    ["1. item", "1\\. item"],
    ["http://a.b", `http:${ZWSP}//a.b`],
    ["  many   spaces\n\nand lines  ", "many spaces and lines"],
  ];
  for (const [input, expected] of exact) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(escapeUntrusted(input), expected));
  }

  it("truncates very long text with an ellipsis", () => {
    const out = escapeUntrusted("a".repeat(10_000), 50);
    assert.equal(Array.from(out).length, 50);
    assert.ok(out.endsWith("…"));
  });

  it("never splits a surrogate pair", () => {
    const out = escapeUntrusted("😀".repeat(10), 5);
    assert.equal(out, "😀😀😀😀…");
  });

  it("keeps short text whole", () => assert.equal(escapeUntrusted("short", 5), "short"));
});

describe("inlineCode", () => {
  const cases: Array<[string, string]> = [
    ["lodash", "`lodash`"],
    ["a`b", "``a`b``"],
    ["`start", "`` `start ``"],
    ["end`", "`` end` ``"],
    ["a``b`", "``` a``b` ```"],
    ["", "` `"],
    ["two\nlines", "`two lines`"],
    ["@types/node", `\`@${ZWSP}types/node\``],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(inlineCode(input), expected));
  }

  it("cannot carry a hidden marker", () => {
    const out = inlineCode("<!-- merge-discipline:nudge stage=100% lineage=x -->");
    assert.doesNotMatch(out, /<!--|-->/);
  });

  it("truncates", () => assert.equal(inlineCode("abcdefgh", 4), "`abc…`"));
});
