// The field DSL: each field knows how to read its YAML value (collecting problems, never throwing) and carries
// the doc, type name and default that the README reference and the JSON Schema are generated from.
import type { ConfigProblem } from "../domain/policy.js";
import { closest, listWords } from "./suggest.js";

export type Problems = ConfigProblem[];
export type JsonSchema = Record<string, unknown>;
/** A leaf's verdict on one value: the value, or the message shown to the user. */
export type Parsed<T> = { value: T } | { problem: string };

/** Where a problem about the file as a whole (not one key) is reported. */
export const ROOT_PATH = "(file)";

export type Shape =
  | { kind: "leaf"; schema: JsonSchema }
  | { kind: "object"; fields: Readonly<Record<string, AnyField>>; noun: string }
  | { kind: "list"; item: AnyField; nonEmpty: boolean }
  | { kind: "map"; keys: readonly string[]; value: AnyField; noun: string };

export interface Field<T> {
  readonly shape: Shape;
  /** Human type name for the reference, e.g. "duration" or "list of stages". */
  readonly type: string;
  /** One line, shown in the reference table, the example's comments and editors' hovers. */
  readonly doc: string;
  /** The default as a user would write it in YAML; undefined when the key is required. */
  readonly default: unknown;
  /** True when leaving the key out means "none" rather than a default value. */
  readonly optional: boolean;
  /** For keys that are off by default: what setting one looks like, shown commented out in the example. */
  readonly example?: unknown;
  /** The value, or undefined after adding at least one problem. */
  read(raw: unknown, path: string, problems: Problems): T | undefined;
}

export type AnyField = Field<unknown>;
export type ValueOf<F> = F extends Field<infer T> ? T : never;

interface Docs {
  doc: string;
  example?: unknown;
}

export const childPath = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);
const report = (problems: Problems, path: string, message: string): undefined => {
  problems.push({ path: path === "" ? ROOT_PATH : path, message });
  return undefined;
};

export const isMapping = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === "object" && raw !== null && !Array.isArray(raw);

export function leaf<T>(spec: Docs & { type: string; default?: unknown; schema: JsonSchema; parse: (raw: unknown) => Parsed<T> }): Field<T> {
  return {
    shape: { kind: "leaf", schema: spec.schema },
    type: spec.type,
    doc: spec.doc,
    default: spec.default,
    optional: false,
    read(raw, path, problems) {
      const parsed = spec.parse(raw);
      return "problem" in parsed ? report(problems, path, parsed.problem) : parsed.value;
    },
  };
}

/** Leaving the key out (or leaving it empty) means "none": the value is null. */
export function optional<T>(field: Field<T>, example?: unknown): Field<T | null> {
  return {
    ...field,
    default: null,
    optional: true,
    ...(example === undefined ? {} : { example }),
    read: (raw, path, problems) => (raw === null ? null : field.read(raw, path, problems)),
  };
}

/** Checks that span several keys (start before end), reported at the field's own path. */
export function refine<T, U>(field: Field<T>, check: (value: T) => Parsed<U>): Field<U> {
  return {
    ...field,
    read(raw, path, problems) {
      const value = field.read(raw, path, problems);
      if (value === undefined) return undefined;
      const parsed = check(value);
      return "problem" in parsed ? report(problems, path, parsed.problem) : parsed.value;
    },
  };
}

type ObjectOf<S extends Record<string, AnyField>> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** A mapping with fixed keys. Keys left out take their defaults, so a partial mapping merges with the defaults. */
export function object<S extends Record<string, AnyField>>(
  fields: S,
  spec: Docs & { noun?: string; ignore?: readonly string[]; aliases?: Record<string, string> },
): Field<ObjectOf<S>> {
  const noun = spec.noun ?? "key";
  const entries = Object.entries(fields);
  const required = entries.some(([, field]) => field.default === undefined);
  return {
    shape: { kind: "object", fields, noun },
    type: "mapping",
    doc: spec.doc,
    default: required ? undefined : Object.fromEntries(entries.map(([key, field]) => [key, field.default])),
    optional: false,
    read(raw, path, problems) {
      // An empty `sla:` (every line below commented out) is null in YAML and means "nothing changed here".
      const given = raw === null ? {} : raw;
      if (!isMapping(given)) return report(problems, path, "must be a mapping of keys");
      const known = Object.keys(fields);
      for (const key of Object.keys(given)) {
        // Own keys only: `toString` or `__proto__` in a file are typos, not members of every object.
        if (Object.hasOwn(fields, key) || spec.ignore?.includes(key)) continue;
        report(problems, childPath(path, key), unknownMessage(noun, key, known, spec.aliases));
      }
      const result: Record<string, unknown> = {};
      let failed = false;
      for (const [key, field] of entries) {
        const value = readMember(field, Object.hasOwn(given, key) ? given[key] : undefined, childPath(path, key), problems);
        if (value === undefined) failed = true;
        result[key] = value;
      }
      return failed ? undefined : (result as ObjectOf<S>);
    },
  };
}

function readMember(field: AnyField, raw: unknown, path: string, problems: Problems): unknown {
  const given = raw === undefined || raw === null ? field.default : raw;
  if (given === undefined) return report(problems, path, "is required");
  return field.read(given, path, problems);
}

export function unknownMessage(noun: string, key: string, known: readonly string[], aliases?: Record<string, string>): string {
  const guess = closest(key, known, aliases);
  return guess === null ? `unknown ${noun}: use ${listWords(known)}` : `unknown ${noun} (did you mean "${guess}"?)`;
}

/** A list, given whole: it replaces the default list rather than merging with it. */
export function list<T>(
  item: Field<T>,
  spec: Docs & { type: string; default?: unknown; nonEmpty?: boolean; check?: (items: Array<T | undefined>, path: string, problems: Problems) => void },
): Field<T[]> {
  return {
    shape: { kind: "list", item, nonEmpty: spec.nonEmpty === true },
    type: spec.type,
    doc: spec.doc,
    default: spec.default,
    optional: false,
    ...(spec.example === undefined ? {} : { example: spec.example }),
    read(raw, path, problems) {
      if (!Array.isArray(raw)) return report(problems, path, `must be a ${spec.type}`);
      if (spec.nonEmpty === true && raw.length === 0) return report(problems, path, "must not be empty");
      const before = problems.length;
      const items = raw.map((value: unknown, index) => readMember(item, value, `${path}[${index}]`, problems) as T | undefined);
      // Checks across items also run over the items that did read, so that every problem shows at once.
      spec.check?.(items, path, problems);
      return problems.length > before ? undefined : (items as T[]);
    },
  };
}

/** A mapping whose keys come from a fixed set and are all optional, e.g. one ladder per SLA class. */
export function map<K extends string, V>(
  keys: readonly K[],
  value: Field<V>,
  spec: Docs & { noun: string; type: string; aliases?: Record<string, string> },
): Field<Partial<Record<K, V>>> {
  return {
    shape: { kind: "map", keys, value, noun: spec.noun },
    type: spec.type,
    doc: spec.doc,
    default: {},
    optional: false,
    ...(spec.example === undefined ? {} : { example: spec.example }),
    read(raw, path, problems) {
      const given = raw === null ? {} : raw;
      if (!isMapping(given)) return report(problems, path, "must be a mapping of keys");
      const result: Partial<Record<K, V>> = {};
      let failed = false;
      for (const [key, entry] of Object.entries(given)) {
        const at = childPath(path, key);
        if (!(keys as readonly string[]).includes(key)) {
          failed = true;
          report(problems, at, unknownMessage(spec.noun, key, keys, spec.aliases));
        } else if (entry !== null) {
          const parsed = value.read(entry, at, problems);
          if (parsed === undefined) failed = true;
          else result[key as K] = parsed;
        }
      }
      return failed ? undefined : result;
    },
  };
}
