/**
 * Background work on pg-boss (its own schema, `pgboss`, in the application's database):
 *
 * - `workflow-sweep`, every minute: lapsed claims go back to the queue, and items running out
 *   of time are escalated (lib/workflow/escalation.ts);
 * - `outbox-deliver`, every minute: queued e-mail goes out through SMTP;
 * - `billing-run`, sent when someone starts a billing run: bills its contracts
 *   (lib/billing/billing-run.ts). One job per run at a time, retried after a crash: the run
 *   resumes and skips the contracts already billed.
 *
 * `npm run dev` and `npm start` run a worker inside their process; `npm run worker` runs one
 * alone. Several may run at once: pg-boss stores the schedules in the database and creates
 * each minute's job once whatever the number of workers, the queues let one job of a kind run
 * at a time, and the work itself is safe to repeat (rows claimed with SKIP LOCKED, each
 * escalation level guarded by a primary key).
 *
 * A minute is fine for deadlines but slow for a sign-up or password-reset e-mail a person is
 * waiting for, so each worker also polls the outbox every 5 seconds; that costs one indexed
 * query when SMTP is configured and nothing when it is not.
 */
import { fileURLToPath } from "node:url";
import PgBoss from "pg-boss";
import { createDb, type Db } from "@/db/client";
import { BILLING_RUN_JOB } from "@/lib/billing/admin-runs";
import { processBillingRun } from "@/lib/billing/billing-run";
import { deliverPendingEmail } from "@/lib/notify/outbox";
import { sweepExpiredLeases } from "@/lib/workflow/claim";
import { stampHeldItems } from "@/lib/workflow/stamp-events";
import { runEscalations } from "@/lib/workflow/escalation";
import { ensureDatabase } from "./lib/database";

export const SWEEP_JOB = "workflow-sweep";
export const OUTBOX_JOB = "outbox-deliver";
const EVERY_MINUTE = "* * * * *";

export type WorkerOptions = {
  /** Defaults to DATABASE_URL. */
  databaseUrl?: string;
  /** The fast outbox loop's period; null turns it off (tests). */
  outboxPollMs?: number | null;
  /** How often each worker asks pg-boss for a job (5 s: jobs come once a minute). */
  jobPollSeconds?: number;
};

export type Worker = {
  /** Finish the jobs in hand, then stop pg-boss and close the connections. */
  stop: () => Promise<void>;
  boss: PgBoss;
};

/**
 * One sweep: lapsed leases first, so that items they free are not escalated to a ghost; then
 * the business minutes of the claims "take next" wrote without them, on the items still held.
 */
export async function runSweep(db: Db, now = new Date()) {
  const released = await sweepExpiredLeases(db, now);
  const escalations = await runEscalations(db, now);
  const stamped = await stampHeldItems(db);
  return { released, escalations, stamped };
}

/** Run `fn` while holding a session-level advisory lock (one process at a time, cluster-wide). */
async function withAdvisoryLock<T>(db: Db, name: string, fn: () => Promise<T>): Promise<T> {
  const client = await db.$client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext($1))", [name]);
    try {
      return await fn();
    } finally {
      await client.query("select pg_advisory_unlock(hashtext($1))", [name]);
    }
  } finally {
    client.release();
  }
}

/** Start pg-boss, make sure the queues and schedules exist, and work both jobs. */
export async function startWorker(options: WorkerOptions = {}): Promise<Worker> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!url) throw new Error("startWorker: DATABASE_URL is not set");
  const db = createDb(url, { max: 3 });
  const boss = new PgBoss({
    connectionString: url,
    schema: "pgboss",
    max: 3,
    application_name: "wasla-worker",
  });
  // pg-boss reports failures of its own loops here; an unhandled "error" event would crash
  // the process, and with it the web server in development.
  boss.on("error", (error) => console.error("[worker] pg-boss:", error));
  await boss.start();

  // pg-boss 10 creates a queue as a table partition, and two processes creating the same one
  // at once deadlock: workers starting together (a deployment) take turns on an advisory lock.
  await withAdvisoryLock(db, "wasla:worker-setup", async () => {
    for (const name of [SWEEP_JOB, OUTBOX_JOB]) {
      // "stately": at most one job of the kind running and one waiting, so a slow sweep makes
      // the next minute's wait instead of piling up. No retries: the next minute is the retry.
      if (!(await boss.getQueue(name))) {
        await boss.createQueue(name, {
          name,
          policy: "stately",
          retryLimit: 0,
          expireInSeconds: 300,
        });
      }
      await boss.schedule(name, EVERY_MINUTE);
    }
    // "stately" keyed by run (the sender's singletonKey): one job of a run waiting and one
    // running, never two workers on the same run; others' runs proceed side by side.
    if (!(await boss.getQueue(BILLING_RUN_JOB))) {
      await boss.createQueue(BILLING_RUN_JOB, {
        name: BILLING_RUN_JOB,
        policy: "stately",
        retryLimit: 3,
        retryDelay: 30,
        retryBackoff: true,
        expireInSeconds: 3600,
      });
    }
  });

  const polling = { pollingIntervalSeconds: options.jobPollSeconds ?? 5 };
  await boss.work(SWEEP_JOB, polling, async () => {
    const { released, escalations } = await runSweep(db);
    if (released || escalations.fired.length) {
      const levels = escalations.fired.map((f) => `${f.number}:${f.level}`).join(" ");
      console.log(`[worker] released ${released} lease(s); escalated ${levels || "none"}`);
    }
  });
  await boss.work(OUTBOX_JOB, polling, async () => {
    await deliverPendingEmail(db);
  });
  await boss.work<{ runId: string }>(
    BILLING_RUN_JOB,
    { pollingIntervalSeconds: 2 },
    async (jobs) => {
      for (const job of jobs) {
        const run = await processBillingRun(db, job.data.runId);
        console.log(
          `[worker] billing run ${run.id}: ${run.billsCreated} bill(s), ${run.skipped} skipped`,
        );
      }
    },
  );

  let running = true;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const pollMs = options.outboxPollMs === undefined ? 5_000 : options.outboxPollMs;
  const tick = async () => {
    if (!running || pollMs === null) return;
    current = deliverPendingEmail(db).catch((e) => console.error("[worker] outbox:", e));
    await current;
    if (running) timer = setTimeout(tick, pollMs);
  };
  if (pollMs !== null) timer = setTimeout(tick, 1_000);

  return {
    boss,
    stop: async () => {
      running = false;
      clearTimeout(timer);
      await current;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
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
