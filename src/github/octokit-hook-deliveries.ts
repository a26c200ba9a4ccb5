// GET /app/hook/deliveries (cursor pages, newest first) and POST /app/hook/deliveries/{id}/attempts.
import type { ProbotOctokit } from "probot";
import type { HookDelivery } from "../domain/redelivery.js";
import type { DeliveryListing, HookDeliveries } from "./hook-deliveries.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

const status = (error: unknown): number | undefined => (error as { status?: number }).status;

interface DeliveryJson {
  id: number | bigint;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  status_code: number;
  event: string;
  action: string | null;
  installation_id: number | bigint | null;
}

function deliveryOf(d: DeliveryJson): HookDelivery {
  return {
    id: Number(d.id),
    guid: d.guid,
    deliveredAt: Date.parse(d.delivered_at),
    redelivery: d.redelivery,
    statusCode: d.status_code,
    event: d.event,
    action: d.action,
    installationId: d.installation_id === null ? null : Number(d.installation_id),
  };
}

export class OctokitHookDeliveries implements HookDeliveries {
  constructor(private readonly octokit: Octokit) {}

  async listSince(since: number): Promise<DeliveryListing> {
    const deliveries: HookDelivery[] = [];
    let requests = 0;
    // Not status=failure: GitHub files a refused connection or a timeout (status_code 0) under neither
    // outcome, and the successful attempts are what tell a lost event from a recovered one.
    const pages = this.octokit.paginate.iterator(this.octokit.rest.apps.listWebhookDeliveries, { per_page: 100 });
    for await (const page of pages) {
      requests += 1;
      const items = (page.data as DeliveryJson[]).map(deliveryOf);
      deliveries.push(...items);
      if (items.length === 0 || items.some((d) => d.deliveredAt < since)) break;
    }
    return { deliveries, requests };
  }

  async redeliver(deliveryId: number): Promise<"requested" | "gone"> {
    try {
      await this.octokit.rest.apps.redeliverWebhookDelivery({ delivery_id: deliveryId });
      return "requested";
    } catch (error) {
      // 404: GitHub no longer has it; 422: outside the redelivery window. Neither gets better by asking again.
      if (status(error) === 404 || status(error) === 422) return "gone";
      throw error;
    }
  }
}
