// `npm run accuracy`: how exactly recognition reads the project's own labelled fixtures
// (test/fixtures/recognition-cases*.ts), field by field and as a whole. `-- --holdout` reads the held-out set
// (test/fixtures/recognition-holdout.ts) instead: real PRs that recognition was not developed against.
import { isDeepStrictEqual } from "node:util";
import { pathToFileURL } from "node:url";
import { DEFAULT_BOT_IDENTITIES } from "../src/domain/bot-identity.js";
import { recognise } from "../src/domain/recognise.js";
import type { BotIdentities, RecognisedUpdate } from "../src/domain/types.js";
import type { RecognitionCase } from "../test/fixtures/recognition-case.js";

/** The fields the issue measures; `packages` compares names, from/to and the range and replacement marks. */
export const MEASURED_FIELDS = ["packages", "updateType", "security", "advisories", "grouped", "ecosystem", "directory"] as const;
type Field = (typeof MEASURED_FIELDS)[number];

export interface FieldScore {
  field: Field;
  right: number;
  labelled: number;
}

export interface Accuracy {
  fields: FieldScore[];
  /** Cases read exactly: every labelled field right, and bot, impostor or "no bot" as labelled. */
  exact: number;
  cases: number;
  misses: string[];
}

export function measureAccuracy(cases: readonly RecognitionCase[], identities: BotIdentities = DEFAULT_BOT_IDENTITIES): Accuracy {
  const scores = new Map<Field, FieldScore>(MEASURED_FIELDS.map((field) => [field, { field, right: 0, labelled: 0 }]));
  const misses: string[] = [];
  let exact = 0;
  for (const testCase of cases) {
    const recognition = recognise({ body: "", labels: [], ...testCase.facts }, testCase.identities ?? identities);
    const expected = testCase.expect;
    if (expected === null) {
      const wanted = testCase.impostor ? "impostor" : "not-a-bot-pr";
      if (recognition.kind === wanted) exact += 1;
      else misses.push(`${testCase.name}: ${recognition.kind}, labelled ${wanted}`);
      continue;
    }
    const update: Partial<RecognisedUpdate> = recognition.kind === "update" ? recognition.update : {};
    let allRight = recognition.kind === "update" && (expected.bot === undefined || expected.bot === update.bot);
    for (const field of MEASURED_FIELDS) {
      if (!(field in expected)) continue;
      const score = scores.get(field);
      if (!score) continue;
      score.labelled += 1;
      if (isDeepStrictEqual(update[field], expected[field])) score.right += 1;
      else {
        allRight = false;
        misses.push(`${testCase.name}: ${field} ${JSON.stringify(update[field])}, labelled ${JSON.stringify(expected[field])}`);
      }
    }
    if (allRight) exact += 1;
  }
  return { fields: [...scores.values()], exact, cases: cases.length, misses };
}

function percent(right: number, total: number): string {
  return total === 0 ? "—" : `${((100 * right) / total).toFixed(1)}%`;
}

const OWN_FIXTURES = "the project's own labelled fixtures (test/fixtures/recognition-cases*.ts)";
const HOLDOUT = "the held-out set (test/fixtures/recognition-holdout.ts)";

export function accuracyReport(accuracy: Accuracy, set: string = OWN_FIXTURES): string {
  const lines = [
    `Recognition accuracy on ${set}`,
    "",
    "| field | exact | labelled cases |",
    "|---|---|---|",
    ...accuracy.fields.map((score) => `| ${score.field} | ${percent(score.right, score.labelled)} | ${score.labelled} |`),
    "",
    `Overall exact: ${percent(accuracy.exact, accuracy.cases)} (${accuracy.exact} of ${accuracy.cases} cases)`,
  ];
  if (accuracy.misses.length > 0) lines.push("", "Misses:", ...accuracy.misses.map((miss) => `- ${miss}`));
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (process.argv.includes("--holdout")) {
    const { RECOGNITION_HOLDOUT_CASES } = await import("../test/fixtures/recognition-holdout.js");
    process.stdout.write(`${accuracyReport(measureAccuracy(RECOGNITION_HOLDOUT_CASES), HOLDOUT)}\n`);
  } else {
    const { RECOGNITION_CASES } = await import("../test/fixtures/recognition-cases.js");
    process.stdout.write(`${accuracyReport(measureAccuracy(RECOGNITION_CASES), OWN_FIXTURES)}\n`);
  }
}
