// The defaults written out as a config file, with each key's doc above it. Keys that are off by default show
// what setting them looks like, commented out, so the file still parses to exactly the defaults.
import type { AnyField } from "./field.js";
import { isMapping } from "./field.js";

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9_./%+-]*$/;
/** Plain words that YAML would read as something other than a string. */
const NOT_A_STRING = /^(?:true|false|null|yes|no|on|off|[-+]?(?:\d[\d_]*)?\.?\d+(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+)$/i;

function scalar(value: unknown): string {
  if (typeof value !== "string") return String(value);
  return PLAIN.test(value) && !NOT_A_STRING.test(value) ? value : JSON.stringify(value);
}

export function exampleYaml(root: AnyField): string {
  return `${documentedLines(root, root.default, "").join("\n")}\n`;
}

/** The members of an object field, each under its doc. */
function documentedLines(field: AnyField, value: unknown, pad: string): string[] {
  if (field.shape.kind !== "object" || !isMapping(value)) return [];
  const lines: string[] = [];
  for (const [key, child] of Object.entries(field.shape.fields)) {
    lines.push(`${pad}# ${child.doc}`);
    if (child.example !== undefined) {
      lines.push(...entryLines(key, child.example, pad).map((line) => `${pad}# ${line.slice(pad.length)}`));
    } else {
      lines.push(...entryLines(key, value[key], pad, child));
    }
  }
  return lines;
}

function entryLines(key: string, value: unknown, pad: string, field?: AnyField): string[] {
  const head = `${pad}${scalar(key)}:`;
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${head} []`];
    return [head, ...value.flatMap((item: unknown) => itemLines(item, `${pad}  `))];
  }
  if (isMapping(value)) {
    if (Object.keys(value).length === 0) return [`${head} {}`];
    if (field?.shape.kind === "object") return [head, ...documentedLines(field, value, `${pad}  `)];
    return [head, ...mappingLines(value, `${pad}  `)];
  }
  return [`${head} ${scalar(value)}`];
}

function mappingLines(value: Record<string, unknown>, pad: string): string[] {
  return Object.entries(value).flatMap(([key, entry]) => entryLines(key, entry, pad));
}

/** `- first: key` then the item's other keys aligned under it. */
function itemLines(item: unknown, pad: string): string[] {
  if (!isMapping(item)) return [`${pad}- ${scalar(item)}`];
  const [first = "", ...rest] = mappingLines(item, `${pad}  `);
  return [`${pad}- ${first.slice(pad.length + 2)}`, ...rest];
}
