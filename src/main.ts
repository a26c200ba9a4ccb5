#!/usr/bin/env node
// `npm start`: load .env, then either Probot's setup flow (no credentials yet) or the app itself.
import { existsSync } from "node:fs";
import { run } from "probot";
import { connectRedis, RedisUnavailableError } from "./redis/connect-redis.js";
import { readSettings, SettingsError } from "./settings.js";
import { startApp } from "./start-app.js";

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const settings = readSettings(process.env);
  // Check Redis first so a missing Redis is one clear line, not a stack trace from deep inside.
  (await connectRedis(settings.redisUrl)).disconnect();
  if (!settings.hasCredentials) {
    // Probot's setup flow registers the GitHub App from app.yml and writes APP_ID, PRIVATE_KEY and
    // WEBHOOK_SECRET to .env; restart afterwards to run the app with them.
    await run(() => undefined);
    return;
  }
  const app = await startApp({ env: process.env });
  const shutdown = (): void => {
    void app.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof RedisUnavailableError || error instanceof SettingsError) {
    console.error(`merge-discipline: ${error.message}`);
  } else {
    console.error("merge-discipline failed to start:", error);
  }
  process.exit(1);
});
