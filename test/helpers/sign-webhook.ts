// Webhooks in tests are signed exactly as GitHub signs them, so the app's real verification runs.
import { createHmac, randomUUID } from "node:crypto";

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export interface DeliveryResult {
  status: number;
  body: string;
  deliveryId: string;
}

export async function deliverWebhook(
  url: string,
  secret: string,
  event: string,
  payload: unknown,
  options: { deliveryId?: string; signatureOverride?: string | null } = {},
): Promise<DeliveryResult> {
  const body = JSON.stringify(payload);
  const deliveryId = options.deliveryId ?? randomUUID();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": deliveryId,
    "user-agent": "GitHub-Hookshot/test",
  };
  const sig = options.signatureOverride === undefined ? signature(secret, body) : options.signatureOverride;
  if (sig !== null) headers["x-hub-signature-256"] = sig;
  const res = await fetch(url, { method: "POST", headers, body });
  return { status: res.status, body: await res.text(), deliveryId };
}
