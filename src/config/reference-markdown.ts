// The README's configuration reference: notes on the rules every key shares, one table row per key, and every
// default written out as a file.
import { SLA_CLASSES } from "../domain/policy.js";
import { exampleYaml } from "./example-yaml.js";
import type { AnyField } from "./field.js";
import { childPath, isMapping } from "./field.js";

interface Row {
  key: string;
  type: string;
  default: string;
  doc: string;
}

const NOTES = [
  "merge-discipline reads `.github/merge-discipline.yml` from the repository's default branch; when the repository has " +
    "none, it reads the one in the organisation's `.github` repository, and `_extends: .github` merges the two. Every key has a default unless it is marked as required.",
  "",
  "- **Durations** are an integer and a unit: `30s`, `15m`, `36h`, `2d` or `1w`, or several parts from the largest unit " +
    "down (`1d12h`). They range from 10s to 365d. There are no months, because their length varies.",
  "- **Stages** fall due at a percentage of the class's SLA (`50%`, from 1% to 1000%) or at a duration after the " +
    "update's lineage began (`3d`). A stage's id is its `at` in normal form (`72h` and `3d` are both `3d`) and must be " +
    "unique within a ladder. For each class, stages are sorted by when they fall due.",
  `- **Classes** are ${SLA_CLASSES.map((slaClass) => `\`${slaClass}\``).join(", ")}.`,
  "- **Merging with the defaults**: a mapping merges key by key (a file with only `sla.security.critical: 1d` keeps " +
    "every other default); a list replaces the default list. A key left empty counts as not set.",
  "- **Problems**: the app checks the whole file and reports every problem with its path (`escalation.stages[1].at`, " +
    "counting from 0). A file with any problem is not applied at all: the last valid configuration, or the defaults, stay in force.",
  "- **Editors**: `docs/merge-discipline.schema.json` is a JSON Schema of this file, e.g. for the YAML language server.",
];

export function referenceMarkdown(root: AnyField): string {
  return [
    "<!-- Generated from src/config/schema.ts by `npm run docs:config`: edit the schema, not this text. -->",
    "",
    ...NOTES,
    "",
    "| Key | Type | Default | Description |",
    "|---|---|---|---|",
    ...memberRows(root, "", new Map()).map(tableRow),
    "",
    "Every default, written out as a file:",
    "",
    "```yaml",
    exampleYaml(root).trimEnd(),
    "```",
    "",
  ].join("\n");
}

/** `documented` remembers list items already described, so a shape used twice is described once. */
function memberRows(field: AnyField, path: string, documented: Map<AnyField, string>): Row[] {
  const shape = field.shape;
  if (shape.kind === "object") {
    return Object.entries(shape.fields).flatMap(([key, child]) => fieldRows(child, childPath(path, key), documented));
  }
  if (shape.kind === "map") {
    // A map's entries are all optional, whatever their own shape says.
    return fieldRows(shape.value, `${path}.<${shape.noun}>`, documented).map((row, index) =>
      index === 0 ? { ...row, default: "not set" } : row,
    );
  }
  if (shape.kind === "list" && shape.item.shape.kind === "object") {
    if (documented.has(shape.item)) return [];
    documented.set(shape.item, `${path}[]`);
    return memberRows(shape.item, `${path}[]`, documented);
  }
  return [];
}

function fieldRows(field: AnyField, path: string, documented: Map<AnyField, string>): Row[] {
  const item = field.shape.kind === "list" ? documented.get(field.shape.item) : undefined;
  const type = item === undefined ? field.type : `${field.type} (as in \`${item}\`)`;
  return [{ key: path, type, default: defaultCell(field), doc: field.doc }, ...memberRows(field, path, documented)];
}

function defaultCell(field: AnyField): string {
  const value = field.default;
  if (value === undefined) return "required";
  if (value === null) return "not set";
  if (field.shape.kind === "object") return "—";
  if (Array.isArray(value)) return value.length === 0 ? "`[]`" : "see the example below";
  if (isMapping(value)) return Object.keys(value).length === 0 ? "none" : "see the example below";
  return `\`${String(value)}\``;
}

const cell = (text: string): string => text.replaceAll("|", "\\|");
const tableRow = (row: Row): string => `| \`${row.key}\` | ${cell(row.type)} | ${cell(row.default)} | ${cell(row.doc)} |`;
