import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_POLICY } from "../../src/config/default-policy.js";
import { parsePolicyYaml } from "../../src/config/parse-policy-yaml.js";
import type { ConfigProblem } from "../../src/domain/policy.js";

describe("parsePolicyYaml", () => {
  // The reason after the position is the yaml library's wording, which may change between its versions.
  const broken: Array<[string, string, string]> = [
    ["an unclosed list", "sla:\n  patch: [7d\n", "invalid YAML at line 3, column 1: "],
    ["a nested compact mapping", "sla: patch: 7d\n", "invalid YAML at line 1, column 6: "],
    ["a repeated key", "enabled: true\nenabled: false\n", "invalid YAML at line 2, column 1: "],
    ["tab indentation", "sla:\n\tpatch: 7d\n", "invalid YAML at line 2, column 1: "],
    ["two documents", "enabled: true\n---\nenabled: false\n", "invalid YAML at line 2, column 1: "],
    ["an unknown alias", "sla:\n  patch: *short\n", "invalid YAML: "],
  ];
  for (const [name, text, start] of broken) {
    it(`reports ${name} as one problem on the file`, () => {
      const { policy, problems } = parsePolicyYaml(text);
      assert.equal(policy, null);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.path, "(file)");
      assert.ok(problems[0]?.message.startsWith(start), problems[0]?.message);
      assert.doesNotMatch(problems[0]?.message ?? "", /\n/, "one line, without the library's source excerpt");
    });
  }

  it("keeps the parser's reason", () => {
    assert.deepEqual(parsePolicyYaml("enabled: true\nenabled: false\n").problems, [
      { path: "(file)", message: "invalid YAML at line 2, column 1: Map keys must be unique" },
    ]);
  });

  for (const [name, text] of [["an empty file", ""], ["a file of comments", "# nothing yet\n"], ["a bare document marker", "---\n"]]) {
    it(`reads ${name} as the defaults`, () => assert.deepEqual(parsePolicyYaml(text ?? ""), { policy: DEFAULT_POLICY, problems: [] }));
  }

  it("reads a partial file", () => {
    const { policy, problems } = parsePolicyYaml(
      "_extends: .github\nsla:\n  security:\n    critical: 1d\nschedule:\n  working_hours:\n    start: 08:00\n    end: 16:30\n",
    );
    assert.deepEqual(problems, []);
    assert.equal(policy?.sla["security.critical"], 86_400_000);
    assert.equal(policy?.sla.patch, DEFAULT_POLICY.sla.patch);
    // YAML 1.2 keeps an unquoted 08:00 a string (YAML 1.1 would have read it as 480).
    assert.deepEqual(policy?.workingHours, { startMinute: 480, endMinute: 990 });
  });

  it("reports problems with the keys' paths", () => {
    const expected: ConfigProblem[] = [
      { path: "escalation.stages[1].at", message: '"3x" is not a duration: use 30s, 15m, 36h, 2d or 1w' },
      { path: "escalation.by_class.security.urgent", message: 'unknown class: use security.critical, security.high, security.moderate, security.low, security.unknown, major, minor, patch or other' },
    ];
    const text = "escalation:\n  stages:\n    - at: 50%\n    - at: 3x\n  by_class:\n    security.urgent:\n      - at: 1d\n";
    assert.deepEqual(parsePolicyYaml(text), { policy: null, problems: expected });
  });
});
