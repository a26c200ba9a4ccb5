// Just enough of a GraphQL parser to read an operation's root fields and their arguments; nested
// selections are skipped, since the fake answers with a fixed, complete shape per root field.

export type GqlValue = string | number | boolean | null | GqlValue[] | { [key: string]: GqlValue } | GqlVariable;
/** A class, not a plain object, so an input object with a "variable" key is not mistaken for one. */
export class GqlVariable {
  constructor(readonly name: string) {}
}

export interface RootField {
  alias: string;
  name: string;
  args: Record<string, GqlValue>;
  line: number;
  column: number;
}

export interface Operation {
  type: "query" | "mutation" | "subscription";
  fields: RootField[];
}

export class GqlSyntaxError extends Error {}

interface Token {
  kind: "punct" | "name" | "number" | "string";
  value: string;
  line: number;
  column: number;
}

const TOKEN = /([\s,]+|#[^\n]*)|("""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*")|(\.\.\.|[{}()[\]:!$=@|&])|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([_A-Za-z][_0-9A-Za-z]*)/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) throw new GqlSyntaxError(`Parse error on "${source.charAt(start)}" at [${line}, ${start - lineStart + 1}]`);
    const column = start - lineStart + 1;
    if (m[2] !== undefined) tokens.push({ kind: "string", value: m[2].startsWith('"""') ? m[2].slice(3, -3) : JSON.parse(m[2]) as string, line, column });
    else if (m[3] !== undefined) tokens.push({ kind: "punct", value: m[3], line, column });
    else if (m[4] !== undefined) tokens.push({ kind: "number", value: m[4], line, column });
    else if (m[5] !== undefined) tokens.push({ kind: "name", value: m[5], line, column });
    for (let i = start; i < TOKEN.lastIndex; i++) {
      if (source[i] === "\n") {
        line += 1;
        lineStart = i + 1;
      }
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  next(): Token {
    const token = this.tokens[this.pos++];
    if (!token) throw new GqlSyntaxError("Parse error on end of document");
    return token;
  }

  is(value: string): boolean {
    return this.peek()?.value === value && this.peek()?.kind !== "string";
  }

  expect(value: string): Token {
    const token = this.next();
    if (token.value !== value) throw new GqlSyntaxError(`Parse error on "${token.value}" at [${token.line}, ${token.column}]`);
    return token;
  }

  /** Skips a balanced (...) or {...} group starting at the current token. */
  skipGroup(open: string, close: string): void {
    let depth = 0;
    do {
      const token = this.next();
      if (token.kind === "punct" && token.value === open) depth += 1;
      if (token.kind === "punct" && token.value === close) depth -= 1;
    } while (depth > 0);
  }

  skipDirectives(): void {
    while (this.is("@")) {
      this.next();
      this.next();
      if (this.is("(")) this.skipGroup("(", ")");
    }
  }

  value(): GqlValue {
    const token = this.next();
    if (token.kind === "string") return token.value;
    if (token.kind === "number") return Number(token.value);
    if (token.value === "$") return new GqlVariable(this.next().value);
    if (token.value === "[") {
      const list: GqlValue[] = [];
      while (!this.is("]")) list.push(this.value());
      this.next();
      return list;
    }
    if (token.value === "{") {
      const object: Record<string, GqlValue> = {};
      while (!this.is("}")) {
        const key = this.next().value;
        this.expect(":");
        object[key] = this.value();
      }
      this.next();
      return object;
    }
    if (token.kind === "name") return token.value === "true" ? true : token.value === "false" ? false : token.value === "null" ? null : token.value;
    throw new GqlSyntaxError(`Parse error on "${token.value}" at [${token.line}, ${token.column}]`);
  }

  rootFields(): RootField[] {
    this.expect("{");
    const fields: RootField[] = [];
    while (!this.is("}")) {
      if (this.is("...")) {
        this.next();
        while (!this.is("{") && this.peek()?.kind === "name") this.next();
        if (this.is("{")) this.skipGroup("{", "}");
        continue;
      }
      const first = this.next();
      let name = first.value;
      if (this.is(":")) {
        this.next();
        name = this.next().value;
      }
      const args: Record<string, GqlValue> = {};
      if (this.is("(")) {
        this.next();
        while (!this.is(")")) {
          const key = this.next().value;
          this.expect(":");
          args[key] = this.value();
        }
        this.next();
      }
      this.skipDirectives();
      if (this.is("{")) this.skipGroup("{", "}");
      fields.push({ alias: first.value, name, args, line: first.line, column: first.column });
    }
    this.next();
    return fields;
  }

  document(operationName: string | undefined): Operation {
    const operations: (Operation & { name: string | undefined })[] = [];
    while (this.peek()) {
      if (this.is("fragment")) {
        while (!this.is("{")) this.next();
        this.skipGroup("{", "}");
        continue;
      }
      let type: Operation["type"] = "query";
      let name: string | undefined;
      if (this.is("query") || this.is("mutation") || this.is("subscription")) {
        type = this.next().value as Operation["type"];
        if (this.peek()?.kind === "name") name = this.next().value;
        if (this.is("(")) this.skipGroup("(", ")");
        this.skipDirectives();
      }
      operations.push({ type, name, fields: this.rootFields() });
    }
    const chosen = operationName ? operations.find((o) => o.name === operationName) : operations[0];
    if (!chosen) throw new GqlSyntaxError(operationName ? `Unknown operation named "${operationName}".` : "No operations given");
    return { type: chosen.type, fields: chosen.fields };
  }
}

export function parseOperation(source: string, operationName?: string): Operation {
  return new Parser(tokenize(source)).document(operationName);
}

/** Substitutes `$variables` into a parsed argument value. */
export function resolveValue(value: GqlValue, variables: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, variables));
  if (value instanceof GqlVariable) return variables[value.name] ?? null;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v, variables)]));
  }
  return value;
}
