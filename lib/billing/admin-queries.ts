import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  billingRuns,
  bills,
  paymentAllocations,
  payments,
  premises,
  users,
  type BillingRun,
} from "@/db/schema";
import { isUuid } from "@/lib/validation/ids";

export type AdminBillingRun = BillingRun & { startedByName: string | null };

/** The latest runs with the name of who started each. */
export async function listRunsAdmin(db: DbOrTx, limit = 30): Promise<AdminBillingRun[]> {
  const rows = await db
    .select({ run: billingRuns, startedByName: users.name })
    .from(billingRuns)
    .leftJoin(users, eq(users.id, billingRuns.startedBy))
    .orderBy(desc(billingRuns.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.run, startedByName: r.startedByName }));
}

/** The zones a run may be limited to. */
export async function listZones(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ zone: premises.zone })
    .from(premises)
    .orderBy(asc(premises.zone));
  return rows.map((r) => r.zone);
}

export type BillRelations = {
  replaces: { id: string; billNo: string } | null;
  replacedBy: { id: string; billNo: string } | null;
  cancelledByName: string | null;
  payments: {
    id: string;
    provider: string;
    providerRef: string;
    status: string;
    amountMinor: number;
    receivedAt: Date | null;
  }[];
};

/** What the staff bill page shows around a bill: its reissue chain and the payments on it. */
export async function getBillRelations(
  db: DbOrTx,
  params: { billId: string; replacesBillId: string | null; cancelledBy: string | null },
): Promise<BillRelations> {
  if (!isUuid(params.billId))
    return { replaces: null, replacedBy: null, cancelledByName: null, payments: [] };
  const chain = await db
    .select({ id: bills.id, billNo: bills.billNo, replacesBillId: bills.replacesBillId })
    .from(bills)
    .where(
      or(
        eq(bills.replacesBillId, params.billId),
        params.replacesBillId ? eq(bills.id, params.replacesBillId) : sql`false`,
      ),
    );
  const [canceller] = params.cancelledBy
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, params.cancelledBy))
    : [];
  const paid = await db
    .select({
      id: payments.id,
      provider: payments.provider,
      providerRef: payments.providerRef,
      status: payments.status,
      amountMinor: paymentAllocations.amountMinor,
      receivedAt: payments.receivedAt,
    })
    .from(paymentAllocations)
    .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
    .where(
      and(
        eq(paymentAllocations.billId, params.billId),
        inArray(payments.status, ["pending", "succeeded", "refunded"]),
      ),
    )
    .orderBy(asc(payments.createdAt));
  const replaces = chain.find((b) => b.id === params.replacesBillId);
  const replacedBy = chain.find((b) => b.replacesBillId === params.billId);
  return {
    replaces: replaces ? { id: replaces.id, billNo: replaces.billNo } : null,
    replacedBy: replacedBy ? { id: replacedBy.id, billNo: replacedBy.billNo } : null,
    cancelledByName: canceller?.name ?? null,
    payments: paid,
  };
}
