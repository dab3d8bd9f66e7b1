import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contracts, payments, users } from "@/db/schema";

/**
 * The daily cash report of the counters: what each agency took on a local calendar day, by
 * method, and every payment behind the totals (receipt number, clerk), for the till count.
 */

export type CashReportPayment = {
  id: string;
  receiptNo: string | null;
  receivedAt: Date;
  amountMinor: number;
  refundedMinor: number;
  currency: string;
  method: string | null;
  agency: string | null;
  contractNo: string;
  clerkName: string | null;
};

export type CashReportTotal = {
  agency: string | null;
  method: string | null;
  currency: string;
  count: number;
  totalMinor: number;
};

export type CashReport = {
  date: string;
  totals: CashReportTotal[];
  /** Per currency, over every agency and method. */
  grandTotals: { currency: string; count: number; totalMinor: number }[];
  payments: CashReportPayment[];
};

/**
 * Counter payments received on `date` (YYYY-MM-DD) in the utility's time zone, optionally of
 * one agency. Only money that went through counts (succeeded, or later refunded: the cash was
 * taken that day, the refund is another day's movement).
 */
export async function dailyCashReport(
  db: DbOrTx,
  params: { date: string; timeZone: string; agency?: string | null },
): Promise<CashReport> {
  const rows = await db
    .select({
      id: payments.id,
      receiptNo: payments.receiptNo,
      receivedAt: payments.receivedAt,
      amountMinor: payments.amountMinor,
      refundedMinor: payments.refundedMinor,
      currency: payments.currency,
      method: payments.method,
      agency: payments.agency,
      contractNo: contracts.contractNo,
      clerkName: users.name,
    })
    .from(payments)
    .innerJoin(contracts, eq(contracts.id, payments.contractId))
    .leftJoin(users, eq(users.id, payments.createdBy))
    .where(
      and(
        eq(payments.provider, "counter"),
        inArray(payments.status, ["succeeded", "refunded"]),
        // The day's bounds computed in the zone, so the index on received_at is usable.
        sql`${payments.receivedAt} >= (${params.date}::date)::timestamp at time zone ${params.timeZone}`,
        sql`${payments.receivedAt} < (${params.date}::date + 1)::timestamp at time zone ${params.timeZone}`,
        params.agency ? eq(payments.agency, params.agency) : undefined,
      ),
    )
    .orderBy(asc(payments.agency), asc(payments.receivedAt), asc(payments.receiptNo));

  const list = rows.map((r) => ({ ...r, receivedAt: r.receivedAt! }));
  const totals = new Map<string, CashReportTotal>();
  const grand = new Map<string, { currency: string; count: number; totalMinor: number }>();
  for (const p of list) {
    const key = `${p.agency ?? ""}|${p.method ?? ""}|${p.currency}`;
    const t = totals.get(key) ?? {
      agency: p.agency,
      method: p.method,
      currency: p.currency,
      count: 0,
      totalMinor: 0,
    };
    t.count += 1;
    t.totalMinor += p.amountMinor;
    totals.set(key, t);
    const g = grand.get(p.currency) ?? { currency: p.currency, count: 0, totalMinor: 0 };
    g.count += 1;
    g.totalMinor += p.amountMinor;
    grand.set(p.currency, g);
  }
  return {
    date: params.date,
    totals: [...totals.values()].sort(
      (a, b) =>
        (a.agency ?? "~").localeCompare(b.agency ?? "~") ||
        (a.method ?? "").localeCompare(b.method ?? ""),
    ),
    grandTotals: [...grand.values()],
    payments: list,
  };
}
