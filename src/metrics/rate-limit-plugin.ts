// An Octokit plugin that copies GitHub's rate-limit headers of every response (errors included) into
// gauges, so an operator sees the budget shrink before requests start failing.
import type { AppMetrics } from "./app-metrics.js";

type Headers = Record<string, string | number | undefined>;

interface HookedOctokit {
  hook: {
    after(name: "request", hook: (response: { headers: Headers }) => void): void;
    error(name: "request", hook: (error: unknown) => never | Promise<never>): void;
  };
}

export function rateLimitPlugin(metrics: Pick<AppMetrics, "rateLimitRemaining" | "rateLimitLimit">) {
  return (octokit: HookedOctokit, options: { auth?: unknown }): void => {
    const auth = options.auth as { installationId?: unknown } | undefined;
    const installation = typeof auth?.installationId === "number" ? String(auth.installationId) : "app";
    const record = (headers: Headers | undefined): void => {
      const remaining = Number(headers?.["x-ratelimit-remaining"]);
      if (headers === undefined || headers["x-ratelimit-remaining"] === undefined || !Number.isFinite(remaining)) return;
      const labels = { installation, resource: String(headers["x-ratelimit-resource"] ?? "core") };
      metrics.rateLimitRemaining.set(labels, remaining);
      const limit = Number(headers["x-ratelimit-limit"]);
      if (Number.isFinite(limit)) metrics.rateLimitLimit.set(labels, limit);
    };
    octokit.hook.after("request", (response) => record(response.headers));
    octokit.hook.error("request", (error) => {
      record((error as { response?: { headers?: Headers } } | null)?.response?.headers);
      throw error;
    });
  };
}
