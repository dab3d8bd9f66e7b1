import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { bills, contractDeposits, contracts, meterRegisters, meters, readings } from "@/db/schema";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { billContract } from "@/lib/billing/bill-contract";
import { cycleOf, localDate } from "@/lib/billing/dates";
import { formatMoney } from "@/lib/billing/present";
import { AppError, parseOrThrow } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { createPendingPayment, refundPayment, settlePayment } from "@/lib/payments/ledger";
import { getUtility } from "@/lib/utility/get-utility";
import type { Staff } from "@/lib/workflow/access";
import { finalReadingSchema } from "./schemas";
import { lockRequest, moveStage, type LockedRequest } from "./transition";

type Opts = { now?: Date; meta?: RequestMeta };

async function terminationStep<T>(
  db: Db,
  staff: Staff,
  requestId: string,
  run: (tx: Tx, locked: LockedRequest & { contractId: string }, now: Date) => Promise<T>,
  opts: Opts,
): Promise<T> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const locked = await lockRequest(tx, requestId, { kind: "staff", staff });
    if (locked.family !== "termination" || !locked.request.contractId)
      throw new AppError("INVALID_TRANSITION", "not a termination");
    return run(tx, { ...locked, contractId: locked.request.contractId }, now);
  });
}

/** The contract's meter register the final reading is taken on. */
async function registerOf(tx: Tx, contractId: string) {
  const [row] = await tx
    .select({
      registerId: meterRegisters.id,
      initial: meterRegisters.initialIndex,
      meterId: meters.id,
    })
    .from(meters)
    .innerJoin(meterRegisters, eq(meterRegisters.meterId, meters.id))
    .where(and(eq(meters.contractId, contractId), eq(meters.active, true)))
    .orderBy(meterRegisters.name)
    .limit(1);
  if (!row) throw new AppError("INVALID_TRANSITION", "no active meter", { stage: "noMeter" });
  return row;
}

/**
 * The final reading, given by the customer or taken by an agent: an accepted reading dated now,
 * never below the last counted index.
 */
export async function recordFinalReading(
  db: Db,
  staff: Staff,
  requestId: string,
  raw: unknown,
  opts: Opts = {},
) {
  const input = parseOrThrow(finalReadingSchema, raw);
  return terminationStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const reg = await registerOf(tx, locked.contractId);
      const [last] = await tx
        .select({ index: readings.index })
        .from(readings)
        .where(and(eq(readings.registerId, reg.registerId), eq(readings.status, "accepted")))
        .orderBy(desc(readings.readAt))
        .limit(1);
      const index = Number(input.index);
      if (index < (last?.index ?? reg.initial))
        throw new AppError("VALIDATION_FAILED", "index below the last", {
          index: "lowerThanPrevious",
        });
      await tx.insert(readings).values({
        registerId: reg.registerId,
        index,
        readAt: now,
        source: input.source,
        status: "accepted",
        submittedBy: staff.id,
        note: "final reading (termination)",
        consumption: index - (last?.index ?? reg.initial),
        channel: "counter",
      });
      return moveStage(tx, locked, {
        to: "final_reading",
        by: { kind: "staff", staff },
        set: { finalIndex: index },
        now,
        meta: opts.meta,
      });
    },
    opts,
  );
}

/** The final bill, through the billing engine, for the period ending on the final reading. */
export async function issueFinalBill(db: Db, staff: Staff, requestId: string, opts: Opts = {}) {
  return terminationStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const utility = await getUtility(tx);
      const [reading] = await tx
        .select({ readAt: readings.readAt })
        .from(readings)
        .innerJoin(meterRegisters, eq(meterRegisters.id, readings.registerId))
        .innerJoin(meters, eq(meters.id, meterRegisters.meterId))
        .where(
          and(
            eq(meters.contractId, locked.contractId),
            eq(readings.index, locked.request.finalIndex ?? -1),
          ),
        )
        .orderBy(desc(readings.readAt))
        .limit(1);
      if (!reading) throw new AppError("INVALID_TRANSITION", "no final reading");
      const periodEnd = localDate(reading.readAt, utility.timeZone);
      const outcome = await billContract(tx, {
        contractId: locked.contractId,
        cycle: cycleOf(periodEnd),
        periodEnd,
        now,
        actor: { kind: "user", userId: staff.id, role: staff.role },
      });
      if (outcome.kind !== "created")
        throw new AppError("INVALID_TRANSITION", `final bill ${outcome.reason}`, {
          stage: outcome.reason,
        });
      const [bill] = await tx.select().from(bills).where(eq(bills.id, outcome.billId));
      return moveStage(tx, locked, {
        to: "final_bill",
        by: { kind: "staff", staff },
        set: { finalBillId: outcome.billId },
        describe: (locale) =>
          translator(locale)("connections.finalBillIssued", {
            billNo: bill!.billNo,
            total: formatMoney(bill!.totalMinor, bill!.currency, locale),
          }),
        now,
        meta: opts.meta,
      });
    },
    opts,
  );
}

/**
 * The deposit pays the final bill: it enters the ledger as a payment of the final bill (so the
 * bill shows paid by it), and what it leaves over is refunded at once, recorded as that
 * payment's refund. Done once per contract (the deposit remembers its settlement).
 */
export async function settleDeposit(db: Db, staff: Staff, requestId: string, opts: Opts = {}) {
  return terminationStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const billId = locked.request.finalBillId;
      if (!billId) throw new AppError("INVALID_TRANSITION", "no final bill");
      const [deposit] = await tx
        .select()
        .from(contractDeposits)
        .where(eq(contractDeposits.contractId, locked.contractId))
        .for("update");
      const actor = { kind: "user" as const, userId: staff.id, role: staff.role };
      let depositMinor = 0;
      let refundMinor = 0;
      const currency = deposit?.currency ?? "MAD";
      if (deposit && deposit.amountMinor > 0 && !deposit.settlementPaymentId) {
        const { payment } = await createPendingPayment(tx, {
          provider: "deposit",
          providerRef: `deposit_${locked.contractId}`,
          contractId: locked.contractId,
          userId: null,
          billIds: [billId],
          amountMinor: deposit.amountMinor,
          currency: deposit.currency,
          locale: "fr",
          method: "deposit",
          createdBy: staff.id,
        });
        const settled = await settlePayment(tx, { paymentId: payment.id, receivedAt: now, actor });
        depositMinor = deposit.amountMinor;
        refundMinor = settled.kind === "settled" ? settled.creditMinor : 0;
        if (refundMinor > 0)
          await refundPayment(tx, {
            paymentId: payment.id,
            refundedTotalMinor: refundMinor,
            actor,
          });
        await tx
          .update(contractDeposits)
          .set({ settlementPaymentId: payment.id })
          .where(eq(contractDeposits.contractId, locked.contractId));
      }
      return moveStage(tx, locked, {
        to: "deposit_settled",
        by: { kind: "staff", staff },
        describe: (locale) =>
          translator(locale)("connections.depositSettled", {
            deposit: formatMoney(depositMinor, currency, locale),
            refund: formatMoney(refundMinor, currency, locale),
          }),
        now,
        meta: opts.meta,
      });
    },
    opts,
  );
}

/** The contract ends: terminated from today, its meter taken off. */
export async function closeContract(db: Db, staff: Staff, requestId: string, opts: Opts = {}) {
  return terminationStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const utility = await getUtility(tx);
      const today = localDate(now, utility.timeZone);
      const [contract] = await tx
        .update(contracts)
        .set({ status: "terminated", endDate: today })
        .where(eq(contracts.id, locked.contractId))
        .returning();
      await tx
        .update(meters)
        .set({ active: false, removedAt: today })
        .where(and(eq(meters.contractId, locked.contractId), eq(meters.active, true)));
      return moveStage(tx, locked, {
        to: "contract_closed",
        by: { kind: "staff", staff },
        describe: (locale) =>
          translator(locale)("connections.contractClosed", { contractNo: contract!.contractNo }),
        now,
        meta: opts.meta,
      });
    },
    opts,
  );
}
