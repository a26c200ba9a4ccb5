// A small bounded load generator: `total` signed webhooks over `connections` keep-alive connections on
// loopback, each connection sending its next request when the previous one is answered.
import { createHmac, randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export interface Delivery {
  event: string;
  body: string;
}

export interface LoadResult {
  perSecond: number;
  latenciesMs: number[];
}

export async function sendLoad(url: string, secret: string, next: (i: number) => Delivery, total: number, connections = 20): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latenciesMs: number[] = [];
  let issued = 0;
  const target = new URL(url);
  const one = (delivery: Delivery): Promise<void> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-github-event": delivery.event,
            "x-github-delivery": randomUUID(),
            "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(delivery.body).digest("hex")}`,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latenciesMs.push(performance.now() - started);
            if (res.statusCode !== 200) reject(new Error(`webhook answered ${res.statusCode}`));
            else resolve();
          });
        },
      );
      req.on("error", reject);
      req.end(delivery.body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (issued < total) await one(next(issued++));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { perSecond: total / seconds, latenciesMs };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export function median(values: number[]): number {
  return percentile(values, 0.5);
}
