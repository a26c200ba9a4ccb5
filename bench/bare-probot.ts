// The baseline: a Probot 14 app from the same node_modules that checks the signature and does nothing.
// Run as its own process by the ingest benchmark; prints "READY <port>".
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createProbot } from "probot";
import pino from "pino";

const probot = createProbot({ env: { ...process.env }, overrides: { log: pino({ level: "silent" }) } });
const handle = await createNodeMiddleware(
  (app) => {
    app.on("pull_request", async () => undefined);
  },
  { probot, webhooksPath: "/api/github/webhooks" },
);
const server = createServer((req, res) => {
  void Promise.resolve(handle(req, res)).then((handled) => {
    if (!handled) res.writeHead(404).end();
  });
});
server.listen(0, "127.0.0.1", () => console.log(`READY ${(server.address() as AddressInfo).port}`));
