import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { billingRuns, contracts, contractTariffs, premises, type BillingRun } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { billContract } from "./bill-contract";
import { cycleOf } from "./dates";

/**
 * Open a billing run for a cycle (and a zone, or all zones). A run that is still queued or
 * running for the same cycle and zone is returned instead of a second one, so a double click
 * starts one run. The work itself is done by processBillingRun, on the worker.
 */
export async function createBillingRun(
  db: DbOrTx,
  params: { cycle: string; zone?: string | null; actor: Actor; userId?: string },
): Promise<{ run: BillingRun; created: boolean }> {
  const cycle = cycleOf(params.cycle);
  const zone = params.zone || null;
  return (db as Db).transaction(async (tx) => {
    // One run at a time per cycle and zone, whatever the number of clicks or clerks.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`billing-run:${cycle}:${zone ?? "*"}`}))`,
    );
    const [open] = await tx
      .select()
      .from(billingRuns)
      .where(
        and(
          eq(billingRuns.cycle, cycle),
          zone ? eq(billingRuns.zone, zone) : isNull(billingRuns.zone),
          inArray(billingRuns.status, ["queued", "running"]),
        ),
      );
    if (open) return { run: open, created: false };
    const [run] = await tx
      .insert(billingRuns)
      .values({ cycle, zone, startedBy: params.userId ?? null })
      .returning();
    await writeAudit(tx, {
      actor: params.actor,
      action: "billing_run.create",
      entityType: "billing_run",
      entityId: run!.id,
      after: { cycle, zone },
    });
    return { run: run!, created: true };
  });
}

/** The contracts a run bills: active, with a tariff, in the run's zone. */
async function contractsOf(db: DbOrTx, zone: string | null): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: contracts.id })
    .from(contracts)
    .innerJoin(premises, eq(premises.id, contracts.premiseId))
    .innerJoin(contractTariffs, eq(contractTariffs.contractId, contracts.id))
    .where(and(eq(contracts.status, "active"), zone ? eq(premises.zone, zone) : undefined))
    .orderBy(asc(contracts.id));
  return rows.map((r) => r.id);
}

/**
 * Bill every contract of a run, one transaction per contract, updating the run's progress as
 * it goes. Resumable: after a crash the job runs again and the contracts already billed are
 * skipped (bill-contract.ts finds their live bill), so nothing is billed twice.
 */
export async function processBillingRun(
  db: DbOrTx,
  runId: string,
  options: { now?: Date; actor?: Actor } = {},
): Promise<BillingRun> {
  const actor = options.actor ?? ({ kind: "system", label: "billing-run" } as const);
  const [run] = await db.select().from(billingRuns).where(eq(billingRuns.id, runId));
  if (!run) throw new AppError("NOT_FOUND", `billing run ${runId}`);
  if (run.status === "done") return run;
  const ids = await contractsOf(db, run.zone);
  await db
    .update(billingRuns)
    .set({
      status: "running",
      contractsTotal: ids.length,
      contractsDone: 0,
      skipped: 0,
      startedAt: run.startedAt ?? new Date(),
      error: null,
    })
    .where(eq(billingRuns.id, runId));
  const now = options.now ?? new Date();
  try {
    for (const contractId of ids) {
      const outcome = await billContract(db, { contractId, cycle: run.cycle, now, runId, actor });
      await db
        .update(billingRuns)
        .set({
          contractsDone: sql`${billingRuns.contractsDone} + 1`,
          skipped:
            outcome.kind === "skipped" ? sql`${billingRuns.skipped} + 1` : billingRuns.skipped,
        })
        .where(eq(billingRuns.id, runId));
    }
  } catch (error) {
    await db
      .update(billingRuns)
      .set({
        status: "failed",
        error: error instanceof Error ? error.message.slice(0, 500) : "failed",
      })
      .where(eq(billingRuns.id, runId));
    throw error;
  }
  const [done] = await (db as Db).transaction(async (tx) => {
    const rows = await tx
      .update(billingRuns)
      .set({ status: "done", finishedAt: new Date() })
      .where(eq(billingRuns.id, runId))
      .returning();
    await writeAudit(tx, {
      actor,
      action: "billing_run.finish",
      entityType: "billing_run",
      entityId: runId,
      after: { billsCreated: rows[0]!.billsCreated, skipped: rows[0]!.skipped },
    });
    return rows;
  });
  return done!;
}

export async function listBillingRuns(db: DbOrTx, limit = 50): Promise<BillingRun[]> {
  return db
    .select()
    .from(billingRuns)
    .orderBy(sql`${billingRuns.createdAt} desc`)
    .limit(limit);
}
