// The bots print versions for people: Renovate's titles add a `v` (`to v1.2.3`), requirement updates print the
// requirement (`~> 1.4`, `^2.0`, `>= 3`). Recognition keeps the version itself and says a range moved.
import { unquote } from "./markdown-text.js";

export interface BareVersion {
  version: string;
  /** The printed text was a requirement (an operator before the version), not a pinned version. */
  range: boolean;
}

// Longest operators first; `~=` is pip's compatible release, `~>` Ruby's and Terraform's pessimistic operator.
const OPERATOR = /^(?:~>|~=|===|==|!=|>=|<=|\^|~|>|<|=)\s*/;

/**
 * `^1.2.3` → 1.2.3 (range), `~> 3.1.0` → 3.1.0 (range), `>= 1.4, < 3` → 1.4 (range). With `displayV`, a `v`
 * before a digit is dropped too (Renovate's `prettyNewVersion`); elsewhere `v3` is the real tag and stays.
 */
export function bareVersion(printed: string, options: { displayV?: boolean } = {}): BareVersion {
  let text = unquote(printed);
  const operator = OPERATOR.exec(text);
  if (operator) text = text.slice(operator[0].length);
  // A compound requirement keeps its first bound: `>= 1.4, < 3`, `~> 1.4, >= 1.4.2`.
  const compound = operator && !/^={1,3}\s*$/.test(operator[0]) ? /^([^\s,]+)\s*,/.exec(text) : null;
  if (compound?.[1]) text = compound[1];
  if (options.displayV && /^v\d/i.test(text)) text = text.slice(1);
  // `==1.2.3` (pip) and `=1.2.3` pin one version: an operator, but not a range.
  const exact = operator !== null && /^={1,3}\s*$/.test(operator[0]);
  return { version: text, range: operator !== null && !exact };
}
