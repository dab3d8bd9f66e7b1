/**
 * Cancel and reissue: a bill found wrong (a misread index, a wrong tariff assignment) is never
 * edited — its lines are immutable — but cancelled with a reason and replaced by a bill priced
 * again from the readings and tariffs of now, in one transaction.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bills, paymentAllocations, payments, type Bill } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { billingActorOf, billingRefusal, type BillingStaff } from "./admin-access";
import { billContract } from "./bill-contract";
import { cycleOf } from "./dates";

export type ReissueResult = { cancelled: Bill; replacement: { billId: string; billNo: string } };

/**
 * Cancel a bill and issue its replacement. Refused, with nothing changed, when the bill is
 * already cancelled, when payments are allocated to it (refund or reallocate them first), or
 * when a later live bill of the contract exists (its indexes start from this one: cancel the
 * later ones first).
 */
export async function cancelAndReissue(
  db: Db,
  staff: BillingStaff,
  input: { billId: string; reason: string },
  options: { now?: Date; meta?: RequestMeta } = {},
): Promise<ReissueResult> {
  const actor = await billingActorOf(db, staff);
  const now = options.now ?? new Date();
  if (!isUuid(input.billId)) throw new AppError("NOT_FOUND", "bill");
  const reason = input.reason.trim();
  if (reason.length < 5)
    throw billingRefusal("VALIDATION_FAILED", "reasonTooShort", { reason: "reasonTooShort" });
  return db.transaction(async (tx) => {
    const [bill] = await tx.select().from(bills).where(eq(bills.id, input.billId)).for("update");
    if (!bill) throw new AppError("NOT_FOUND", "bill");
    if (bill.status === "cancelled") throw billingRefusal("CONFLICT", "alreadyCancelled");
    const [allocated] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(paymentAllocations)
      .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
      .where(
        and(
          eq(paymentAllocations.billId, bill.id),
          inArray(payments.status, ["pending", "succeeded"]),
        ),
      );
    if (allocated!.n > 0) throw billingRefusal("CONFLICT", "hasPayments");
    const [latest] = await tx
      .select({ id: bills.id })
      .from(bills)
      .where(and(eq(bills.contractId, bill.contractId), eq(bills.status, "issued")))
      .orderBy(desc(bills.periodEnd))
      .limit(1);
    if (latest && latest.id !== bill.id) throw billingRefusal("CONFLICT", "notLatest");

    const [cancelled] = await tx
      .update(bills)
      .set({ status: "cancelled", cancelledAt: now, cancelledBy: staff.id, cancelReason: reason })
      .where(eq(bills.id, bill.id))
      .returning();
    await writeAudit(tx, {
      actor,
      action: "bill.cancel",
      entityType: "bill",
      entityId: bill.id,
      before: { status: "issued", totalMinor: bill.totalMinor },
      after: { status: "cancelled", reason },
      meta: options.meta,
    });
    // The bill's period ends on its zone's reading date in the cycle's month: billing that
    // cycle again finds no live bill for it and prices it from the readings of now.
    const outcome = await billContract(tx, {
      contractId: bill.contractId,
      cycle: cycleOf(bill.periodEnd),
      now,
      actor,
      replacesBillId: bill.id,
    });
    if (outcome.kind !== "created") throw billingRefusal("CONFLICT", "reissueFailed");
    return {
      cancelled: cancelled!,
      replacement: { billId: outcome.billId, billNo: outcome.billNo },
    };
  });
}
