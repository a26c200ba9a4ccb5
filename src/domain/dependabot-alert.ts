import type { Severity } from "./types.js";

/** The facts of a Dependabot alert the policy needs; kept per repo in Redis, fresh from webhooks. */
export interface DependabotAlert {
  number: number;
  state: "open" | "fixed" | "dismissed" | "auto_dismissed";
  /** GitHub's advisory ecosystem name: npm, pip, rubygems, maven, nuget, composer, go, rust, pub, erlang, actions, swift. */
  ecosystem: string;
  packageName: string;
  manifestPath: string;
  severity: Severity | null;
  ghsaId: string | null;
  cveId: string | null;
  firstPatchedVersion: string | null;
  createdAt: number;
  fixedAt: number | null;
  htmlUrl: string | null;
}
