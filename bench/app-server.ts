// The real app (`startApp`, as `npm start` runs it) as its own process for the ingest benchmark;
// configured by the environment it is given (ROLE, REDIS_URL, GHE_HOST…); prints "READY <port>".
import { startApp } from "../src/start-app.js";

const app = await startApp({ env: { ...process.env } });
console.log(`READY ${app.port}`);
process.once("SIGTERM", () => void app.stop().then(() => process.exit(0)));
