import type { Context } from "probot";

interface Where {
  installation?: { id?: unknown };
  repository?: { full_name?: unknown };
  pull_request?: { number?: unknown };
  issue?: { number?: unknown; pull_request?: unknown };
}

/** Where a webhook happened, as log fields: the installation, the repository and, for a PR's events, its number. */
export function webhookLogFields(deliveryId: string, payload: unknown): Record<string, string | number> {
  const where = (payload ?? {}) as Where;
  const fields: Record<string, string | number> = { deliveryId };
  if (typeof where.installation?.id === "number") fields.installationId = where.installation.id;
  if (typeof where.repository?.full_name === "string") fields.repo = where.repository.full_name;
  const pr = where.pull_request?.number ?? (where.issue?.pull_request ? where.issue.number : undefined);
  if (typeof pr === "number") fields.pr = pr;
  return fields;
}

/** Every line a handler logs says which delivery, installation, repo and PR it is about, bound once here. */
export function bindWebhookLog<C extends Context>(handler: (context: C) => Promise<void>) {
  return (context: C): Promise<void> => {
    context.log = context.log.child(webhookLogFields(context.id, context.payload));
    return handler(context);
  };
}
