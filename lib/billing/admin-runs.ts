/**
 * Starting billing runs from the back office: the run row is created here, the work is done by
 * the worker's "billing-run" job (scripts/worker.ts), one job per run at a time.
 */
import { eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { billingRuns, type BillingRun } from "@/db/schema";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { billingActorOf, billingRefusal, type BillingStaff } from "./admin-access";
import { createBillingRun } from "./billing-run";

export const BILLING_RUN_JOB = "billing-run";

/** The job's options: keyed by run, so pg-boss's "stately" queue holds one per run. */
export function billingRunJobOptions(runId: string): PgBoss.SendOptions {
  return { singletonKey: runId, retryLimit: 3, retryDelay: 30, retryBackoff: true };
}

export type JobSender = (runId: string) => Promise<void>;

const globalForBoss = globalThis as unknown as { __waslaBossSender?: Promise<PgBoss> };

/**
 * The web tier's pg-boss handle: it only sends jobs, so it neither maintains nor schedules
 * (the workers do), and it never creates the schema or the queue.
 */
async function sender(): Promise<PgBoss> {
  globalForBoss.__waslaBossSender ??= (async () => {
    const boss = new PgBoss({
      connectionString: process.env.DATABASE_URL,
      schema: "pgboss",
      max: 2,
      supervise: false,
      schedule: false,
      migrate: false,
      application_name: "wasla-web",
    });
    boss.on("error", (error) => console.error("[billing-run] pg-boss:", error));
    await boss.start();
    return boss;
  })().catch((error) => {
    globalForBoss.__waslaBossSender = undefined;
    throw error;
  });
  return globalForBoss.__waslaBossSender;
}

/** Send the job of a run to the workers. */
export const enqueueBillingRun: JobSender = async (runId) => {
  const boss = await sender();
  await boss.send(BILLING_RUN_JOB, { runId }, billingRunJobOptions(runId));
};

/**
 * Start (or find the open) run of a cycle and zone, and hand it to the workers. A run whose
 * job could not be sent stays queued and can be sent again from the runs page.
 */
export async function startBillingRun(
  db: Db,
  staff: BillingStaff,
  input: { cycle: string; zone: string | null },
  options: { meta?: RequestMeta; send?: JobSender } = {},
): Promise<{ run: BillingRun; created: boolean }> {
  const actor = await billingActorOf(db, staff);
  const result = await createBillingRun(db, {
    cycle: input.cycle,
    zone: input.zone,
    actor,
    userId: staff.id,
  });
  try {
    await (options.send ?? enqueueBillingRun)(result.run.id);
  } catch (error) {
    console.error("[billing-run] enqueue:", error);
    throw new AppError("UNAVAILABLE", "billing-run job not sent");
  }
  return result;
}

/** Send a queued or failed run's job again (processBillingRun resumes where it stopped). */
export async function resumeBillingRun(
  db: Db,
  staff: BillingStaff,
  input: { runId: string },
  options: { send?: JobSender } = {},
): Promise<void> {
  await billingActorOf(db, staff);
  const [run] = await db.select().from(billingRuns).where(eq(billingRuns.id, input.runId));
  if (!run) throw new AppError("NOT_FOUND", "billing run");
  if (run.status === "done") throw billingRefusal("CONFLICT", "runDone");
  await (options.send ?? enqueueBillingRun)(run.id);
}
