/**
 * `npm run dev` and `npm start`: bring up the database (embedded when DATABASE_URL is unset),
 * apply migrations, seed an empty database, start the background worker, then run Next.js.
 * Ctrl-C stops Next.js and the embedded PostgreSQL cleanly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedIfEmpty } from "@/db/seed";
import { seedHistory } from "@/db/seed/history";
import { missingProductionSecrets } from "@/lib/env";
import { ensureDatabase } from "./lib/database";
import { developmentSecret } from "./lib/secret";
import { startWorker } from "./worker";

const mode = process.argv[2] === "start" ? "start" : "dev";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const processEnv = process.env as Record<string, string | undefined>;
processEnv.NODE_ENV ??= mode === "start" ? "production" : "development";
const external = Boolean(process.env.DATABASE_URL);

if (mode === "start") {
  const missing = missingProductionSecrets();
  if (missing.length && external) {
    console.error(
      `Refusing to start in production without ${missing.join(", ")}.\n` +
        `Generate one with: openssl rand -base64 32, and set it in the environment.`,
    );
    process.exit(1);
  }
  if (!external) {
    console.warn(
      `WARNING: DATABASE_URL is not set: using an embedded PostgreSQL under ${process.env.WASLA_PG_DIR ?? ".data/postgres"} with demo data.\n` +
        "         Fine for a demo on this machine; set DATABASE_URL and AUTH_SECRET for a real deployment.",
    );
  }
}
if (!process.env.AUTH_SECRET) process.env.AUTH_SECRET = developmentSecret();
// Auth.js checks the Host header against AUTH_URL unless told to trust it; the reverse proxy in
// front of a real deployment is what sets a trustworthy Host.
process.env.AUTH_TRUST_HOST ??= "true";

const { embedded } = await ensureDatabase();
const db = createDb(process.env.DATABASE_URL!, { max: 3 });
await runMigrations(db);
const demo = !external || process.env.DEMO_DATA === "true";
const seeded = await seedIfEmpty(db, {
  demo,
  // The published demo partner key never exists in production, unless a throw-away demo
  // server (the browser tests) asks for it explicitly.
  partnerKey: process.env.NODE_ENV !== "production" || process.env.DEMO_PARTNER_KEY === "true",
});
if (seeded !== "already-seeded")
  console.log(`Database ${seeded.replace("seeded-", "seeded with ")} data.`);
// Three months of work items through the engine, so the dashboard and the queues look like a
// utility in use. Only with the demo data; the browser tests turn it off (their queues must hold
// only what they file). It skips a database that already has work items.
if (demo && process.env.DEMO_HISTORY !== "false") {
  const history = await seedHistory(db);
  if (!history.skipped)
    console.log(
      `Demo history: ${history.filed} requests, ${history.letters} letters and ${history.ratings} ratings in ${(history.ms / 1000).toFixed(1)} s.`,
    );
}
await db.$client.end();

const worker = process.env.WASLA_WORKER === "off" ? null : await startWorker();

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? (external ? "0.0.0.0" : "127.0.0.1");
const nextBin = new URL("../node_modules/next/dist/bin/next", import.meta.url).pathname;
const child: ChildProcess = spawn(process.execPath, [nextBin, mode, "-p", port, "-H", host], {
  stdio: "inherit",
  env: process.env,
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  await worker?.stop();
  await embedded?.stop();
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 0));
