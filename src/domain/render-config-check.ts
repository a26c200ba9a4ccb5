// The "merge-discipline config" check run: a user's config mistake is shown where they made it.
import { inlineCode, escapeUntrusted } from "./markdown-escape.js";
import type { ConfigProblem } from "./policy.js";

export const CONFIG_CHECK_NAME = "merge-discipline config";

export interface ConfigCheck {
  name: string;
  status: "completed";
  conclusion: "success" | "failure";
  title: string;
  summary: string;
}

export function renderConfigCheck(problems: readonly ConfigProblem[], files: readonly string[], hasPreviousPolicy: boolean): ConfigCheck {
  const where = files.map((f) => inlineCode(f)).join(" extended by ");
  if (problems.length === 0) {
    return {
      name: CONFIG_CHECK_NAME,
      status: "completed",
      conclusion: "success",
      title: "Configuration is valid",
      summary: `${where} is valid and in use.`,
    };
  }
  const fallback = hasPreviousPolicy ? "the last valid configuration" : "the documented defaults";
  const list = problems.map((p) => `- ${inlineCode(p.path)} → ${escapeUntrusted(p.message, 500)}`).join("\n");
  return {
    name: CONFIG_CHECK_NAME,
    status: "completed",
    conclusion: "failure",
    title: `${problems.length} problem${problems.length === 1 ? "" : "s"} in the merge-discipline configuration`,
    summary: `merge-discipline keeps using ${fallback} until ${where} is fixed:\n\n${list}`,
  };
}
