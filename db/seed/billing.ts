import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  bills,
  contracts,
  contractTariffs,
  paymentAllocations,
  payments,
  premises,
  readingSchedules,
} from "@/db/schema";
import { createBillingRun, processBillingRun } from "@/lib/billing/billing-run";
import { addDays, cycleOf } from "@/lib/billing/dates";
import { seedTariffs } from "@/lib/billing/tariff-store";
import { nextItemNumber } from "@/lib/workflow/numbering";
import { PAYMENT_RECEIPT_PREFIX } from "@/lib/workflow/reserved-prefixes";

/** The grids each service is billed with in the demo (a water contract also pays sanitation). */
const DEMO_TARIFFS = {
  electricity: ["MA-ELEC-RES"],
  water: ["MA-WATER-RES", "MA-SAN-RES"],
  sanitation: ["MA-SAN-RES"],
} as const;

/** Contracts whose newest bills the demo leaves unpaid, so that paying has something to pay. */
const UNPAID_NEWEST: Record<string, number> = {
  "1000000101": 1,
  "2000000101": 2,
  "1000000102": 1,
  "1000000103": 1,
  // Omar's: the API journey opens a checkout on it, apart from the bills other journeys pay.
  "2000000104": 1,
};

/**
 * A year of bills for the demo, made by the real billing runs over the demo's agent readings
 * (one run per past cycle, dated a few days after its reading date), then paid at the counter
 * except the newest few, so that lists, statements and payments have something true to show.
 */
export async function seedDemoBilling(db: DbOrTx, now: Date): Promise<void> {
  const tariffIds = await seedTariffs(db);
  const all = await db.select({ id: contracts.id, service: contracts.service }).from(contracts);
  const links = all.flatMap((c) =>
    DEMO_TARIFFS[c.service].map((code) => ({ contractId: c.id, tariffId: tariffIds.get(code)! })),
  );
  if (links.length) await db.insert(contractTariffs).values(links).onConflictDoNothing();

  // The last 12 reading dates already past (any zone's schedule: the demo reads on the 5th).
  const today = now.toISOString().slice(0, 10);
  const dates = await db
    .selectDistinct({ date: readingSchedules.scheduledDate })
    .from(readingSchedules)
    .innerJoin(premises, eq(premises.zone, readingSchedules.zone))
    .where(lte(readingSchedules.scheduledDate, addDays(today, -2)))
    .orderBy(desc(readingSchedules.scheduledDate))
    .limit(12);
  for (const { date } of dates.reverse()) {
    const runAt = new Date(`${addDays(date, 2)}T08:00:00Z`);
    const { run } = await createBillingRun(db, {
      cycle: cycleOf(date),
      actor: { kind: "system", label: "demo-seed" },
    });
    await processBillingRun(db, run.id, {
      now: runAt,
      actor: { kind: "system", label: "demo-seed" },
    });
  }

  // Counter payments: every bill paid a week after issue, except each contract's newest ones.
  const issued = await db
    .select({
      id: bills.id,
      contractId: bills.contractId,
      contractNo: contracts.contractNo,
      totalMinor: bills.totalMinor,
      currency: bills.currency,
      issuedAt: bills.issuedAt,
      billNo: bills.billNo,
    })
    .from(bills)
    .innerJoin(contracts, eq(contracts.id, bills.contractId))
    .where(
      and(
        eq(bills.status, "issued"),
        inArray(
          bills.contractId,
          all.map((c) => c.id),
        ),
      ),
    )
    .orderBy(asc(bills.contractId), desc(bills.periodEnd));
  const seen = new Map<string, number>();
  const paid: { bill: (typeof issued)[number]; receivedAt: Date }[] = [];
  for (const bill of issued) {
    const rank = seen.get(bill.contractId) ?? 0;
    seen.set(bill.contractId, rank + 1);
    if (rank < (UNPAID_NEWEST[bill.contractNo] ?? 0)) continue;
    const receivedAt = new Date(bill.issuedAt.getTime() + 7 * 86_400_000);
    if (receivedAt > now) continue;
    paid.push({ bill, receivedAt });
  }
  // Receipt numbers in the order the money arrived, from the series settlePayment uses.
  paid.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  for (const { bill, receivedAt } of paid) {
    const receiptNo = await nextItemNumber(db, PAYMENT_RECEIPT_PREFIX, receivedAt.getUTCFullYear());
    const [payment] = await db
      .insert(payments)
      .values({
        provider: "counter",
        providerRef: `DEMO-${bill.billNo}`,
        contractId: bill.contractId,
        amountMinor: bill.totalMinor,
        currency: bill.currency,
        status: "succeeded",
        method: "cash",
        receiptNo,
        receivedAt,
      })
      .returning({ id: payments.id });
    await db
      .insert(paymentAllocations)
      .values({ paymentId: payment!.id, billId: bill.id, amountMinor: bill.totalMinor });
  }
}
