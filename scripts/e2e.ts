/**
 * End-to-end tests: start the production build (`next start`, as `npm start` does) on a free
 * port with its own throw-away embedded PostgreSQL and demo data, run the journeys in e2e/ in
 * a real Chromium, then stop everything. Needs `npm run build` first (npm test does it).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { freePort } from "@/db/embedded";
import { chromiumPath } from "../e2e/support/chromium";

try {
  chromiumPath();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  HOST: "127.0.0.1",
  APP_URL: baseUrl,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  WASLA_PG_DIR: `.data/e2e-postgres-${process.pid}`,
  WASLA_PG_EPHEMERAL: "1",
  // A production build needs both opt-ins: the journeys pay with the labelled test provider
  // and call the partner API with the demo key, on this throw-away database only.
  TEST_PAYMENTS: "enabled",
  DEMO_PARTNER_KEY: "true",
  // The journeys count what they file ("take next" must find their own item): no demo history.
  DEMO_HISTORY: "false",
};
// Always a throw-away embedded database, never the developer's DATABASE_URL.
delete serverEnv.DATABASE_URL;
const server = spawn(process.execPath, ["--import", "tsx", "scripts/run.ts", "start"], {
  stdio: ["ignore", "pipe", "pipe"],
  env: serverEnv,
});
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));

async function stopServer() {
  if (server.exitCode !== null) return;
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
}

const started = Date.now();
let ready = false;
while (Date.now() - started < 120_000 && server.exitCode === null) {
  try {
    const res = await fetch(`${baseUrl}/api/health`);
    if (res.ok) {
      ready = true;
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 300));
}
if (!ready) {
  console.error(`The server did not become healthy:\n${serverLog}`);
  await stopServer();
  process.exit(1);
}
console.log(`e2e: server ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const vitestBin = new URL("../node_modules/vitest/vitest.mjs", import.meta.url).pathname;
const tests = spawn(
  process.execPath,
  [vitestBin, "run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, E2E_BASE_URL: baseUrl },
  },
);
const code: number = await new Promise((r) => tests.once("exit", (c) => r(c ?? 1)));
if (code !== 0 && process.env.E2E_SERVER_LOG !== "0")
  console.error(`--- server log ---\n${serverLog.slice(-8000)}`);
await stopServer();
process.exit(code);
