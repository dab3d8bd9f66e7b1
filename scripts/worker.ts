/**
 * Background work: delivers queued e-mail through SMTP. `npm run dev` and `npm start` run it
 * inside their process; `npm run worker` runs it alone, and several can run at once (rows are
 * claimed with SKIP LOCKED).
 */
import { fileURLToPath } from "node:url";
import { createDb } from "@/db/client";
import { deliverPendingEmail } from "@/lib/notify/outbox";
import { ensureDatabase } from "./lib/database";

export async function startWorker(): Promise<{ stop: () => Promise<void> }> {
  const db = createDb(process.env.DATABASE_URL!, { max: 2 });
  let running = true;
  let current: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (!running) return;
    current = deliverPendingEmail(db).catch((e) => console.error("[worker] outbox:", e));
    await current;
    if (running) timer = setTimeout(tick, 5_000);
  };
  let timer = setTimeout(tick, 1_000);
  return {
    stop: async () => {
      running = false;
      clearTimeout(timer);
      await current;
      await db.$client.end();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { embedded } = await ensureDatabase();
  const worker = await startWorker();
  console.log("Worker running; Ctrl-C to stop.");
  const stop = async () => {
    await worker.stop();
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}
