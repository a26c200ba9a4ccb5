// The file's text to a policy. YAML errors are one problem at `(file)`: after the first syntax error the rest
// of the parse is guesswork, and problems about keys the parser misread would only confuse.
import { parseDocument } from "yaml";
import { ROOT_PATH } from "./field.js";
import type { PolicyResult } from "./parse-policy.js";
import { parsePolicy } from "./parse-policy.js";

export function parsePolicyYaml(text: string): PolicyResult {
  const document = parseDocument(text);
  const [error] = document.errors;
  if (error !== undefined) {
    const reason = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "");
    const where = error.linePos?.[0];
    const position = where === undefined ? "" : ` at line ${where.line}, column ${where.col}`;
    return { policy: null, problems: [{ path: ROOT_PATH, message: `invalid YAML${position}: ${reason}` }] };
  }
  let raw: unknown;
  try {
    raw = document.toJS();
  } catch (cause) {
    // Unresolvable or runaway aliases only show up when the document is turned into values.
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { policy: null, problems: [{ path: ROOT_PATH, message: `invalid YAML: ${reason}` }] };
  }
  return parsePolicy(raw);
}
