import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, bills, contracts, paymentAllocations, payments, type User } from "@/db/schema";
import { counterPaymentSchema, type CounterPaymentInput } from "@/lib/payments/admin-schemas";
import { dailyCashReport } from "@/lib/payments/cash-report";
import { findCounterAccount, recordCounterPayment } from "@/lib/payments/counter";
import { findMismatches, paymentsByProviderAndDay } from "@/lib/payments/reconciliation";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, userByEmail } from "../helpers/workflow";

let db: Db;
let clerk: User;
const TZ = "Africa/Casablanca";
const TODAY = "2026-11-22";

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  clerk = await userByEmail(db, "billing@wasla.example");
});

async function paymentCount() {
  const [row] = await db.select({ n: count() }).from(payments);
  return row!.n;
}

async function account(query: string) {
  const found = await findCounterAccount(db, { query, today: TODAY });
  if (!found) throw new Error(`no account for ${query}`);
  return found;
}

function form(values: Record<string, string>): CounterPaymentInput {
  return counterPaymentSchema.parse({ method: "cash", agency: "EJD-CENTRE", ...values });
}

describe("finding an account at the counter", () => {
  it("finds a contract by its number, one of its bills' numbers or payment reference", async () => {
    const byContract = await account("1000000101");
    expect(byContract.contract.contractNo).toBe("1000000101");
    expect(byContract.openBills.length).toBe(1);
    expect(byContract.totalDueMinor).toBe(byContract.openBills[0]!.amountDueMinor);
    const bill = byContract.openBills[0]!;
    expect((await account(bill.billNo)).matched?.id).toBe(bill.id);
    expect((await account(bill.paymentReference)).contract.id).toBe(byContract.contract.id);
    expect((await account("١٠٠٠٠٠٠١٠١")).contract.id).toBe(byContract.contract.id);
    expect(await findCounterAccount(db, { query: "9999999999", today: TODAY })).toBeNull();
  });
});

describe("recording a counter payment", () => {
  it("settles the bill in one transaction, audited, and a double submit is one payment", async () => {
    const { contract, openBills } = await account("1000000101");
    const bill = openBills[0]!;
    const token = randomUUID();
    const input = form({
      contractId: contract.id,
      amount: (bill.amountDueMinor / 100).toFixed(2),
      token,
    });
    const now = new Date("2026-11-21T23:30:00Z"); // 00:30 on the 22nd in Casablanca
    const first = await recordCounterPayment(db, clerk, input, { locale: "fr", now });
    expect(first.replayed).toBe(false);
    expect(first.payment).toMatchObject({
      provider: "counter",
      providerRef: `CTR-${token}`,
      status: "succeeded",
      method: "cash",
      agency: "EJD-CENTRE",
      createdBy: clerk.id,
      amountMinor: bill.amountDueMinor,
    });
    expect(first.payment.receiptNo).toMatch(/^QP-2026-\d+$/);
    const again = await recordCounterPayment(db, clerk, input, { locale: "fr", now });
    expect(again).toMatchObject({ replayed: true, payment: { id: first.payment.id } });
    const rows = await db
      .select()
      .from(payments)
      .where(eq(payments.providerRef, `CTR-${token}`));
    expect(rows.length).toBe(1);
    const allocations = await db
      .select()
      .from(paymentAllocations)
      .where(eq(paymentAllocations.paymentId, first.payment.id));
    expect(allocations.map((a) => [a.billId, a.amountMinor])).toEqual([
      [bill.id, bill.amountDueMinor],
    ]);
    expect((await account("1000000101")).openBills).toEqual([]);
    const audit = await db
      .select({ action: auditLog.action, actorUserId: auditLog.actorUserId })
      .from(auditLog)
      .where(eq(auditLog.entityId, first.payment.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "payment.counter_recorded",
      "payment.succeeded",
    ]);
    expect(audit.every((a) => a.actorUserId === clerk.id)).toBe(true);
  });

  it("records one payment when the same form arrives twice at the same moment", async () => {
    const { contract } = await account("1000000102");
    const input = form({ contractId: contract.id, amount: "50", token: randomUUID() });
    const before = await paymentCount();
    const results = await Promise.all([
      recordCounterPayment(db, clerk, input, { locale: "ar" }),
      recordCounterPayment(db, clerk, input, { locale: "ar" }),
    ]);
    expect(results[0].payment.id).toBe(results[1].payment.id);
    expect(await paymentCount()).toBe(before + 1);
  });

  it("takes a cheque with its number, Arabic-Indic digits and a decimal comma", async () => {
    const { contract, openBills } = await account("2000000101");
    const now = new Date("2026-11-22T10:00:00Z");
    const { payment } = await recordCounterPayment(
      db,
      clerk,
      form({
        contractId: contract.id,
        billId: openBills[0]!.id,
        amount: "١٠٠,٥٠",
        method: "cheque",
        chequeNo: "٠٠١٢٣٤٥",
        agency: "AZEMMOUR",
        token: randomUUID(),
      }),
      { locale: "ar", now },
    );
    expect(payment).toMatchObject({
      amountMinor: 10050,
      method: "cheque",
      providerPaymentId: "0012345",
      agency: "AZEMMOUR",
      billIds: [openBills[0]!.id],
    });
  });

  it("refuses bad input with the field's message key and changes nothing", async () => {
    const { contract } = await account("1000000103");
    const before = await paymentCount();
    const base = { contractId: contract.id, token: randomUUID() };
    for (const [amount, key] of [
      ["", "amountRequired"],
      ["  ", "amountRequired"],
      ["-10", "amountNegative"],
      ["10.005", "amountDecimals"],
      ["0", "amountZero"],
      ["12abc", "amountInvalid"],
      ["1e5", "amountInvalid"],
      ["99999999999", "amountTooLarge"],
      ["1000000.01", "amountTooLarge"],
    ] as const) {
      const error = await appErrorOf(
        recordCounterPayment(db, clerk, form({ ...base, amount }), { locale: "fr" }),
      );
      expect(error.code, amount).toBe("VALIDATION_FAILED");
      expect(error.fields, amount).toEqual({ amount: key });
    }
    const unknown = await appErrorOf(
      recordCounterPayment(db, clerk, form({ ...base, contractId: randomUUID(), amount: "10" }), {
        locale: "fr",
      }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.fields).toEqual({ _form: "contractUnknown" });

    const [cancelled] = await db
      .update(bills)
      .set({ status: "cancelled", cancelledAt: new Date(), cancelReason: "test" })
      .where(eq(bills.contractId, contract.id))
      .returning({ id: bills.id });
    const refused = await appErrorOf(
      recordCounterPayment(db, clerk, form({ ...base, billId: cancelled!.id, amount: "10" }), {
        locale: "fr",
      }),
    );
    expect(refused.code).toBe("BILL_CANCELLED");
    const nothing = await appErrorOf(
      recordCounterPayment(db, clerk, form({ ...base, amount: "10" }), { locale: "fr" }),
    );
    expect(nothing.fields).toEqual({ _form: "nothingDue" });

    // A metering clerk may not take money.
    const metering = await userByEmail(db, "clerk@wasla.example");
    const { contract: other } = await account("2000000101");
    const forbidden = await appErrorOf(
      recordCounterPayment(db, metering, form({ ...base, contractId: other.id, amount: "10" }), {
        locale: "fr",
      }),
    );
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(await paymentCount()).toBe(before);
  });

  it("needs a cheque number for a cheque, and a known agency", () => {
    const base = { contractId: randomUUID(), amount: "10", token: randomUUID() };
    const cheque = counterPaymentSchema.safeParse({
      ...base,
      method: "cheque",
      agency: "AZEMMOUR",
    });
    expect(cheque.success).toBe(false);
    expect(cheque.error?.issues[0]?.message).toBe("chequeNoRequired");
    const agency = counterPaymentSchema.safeParse({ ...base, method: "cash", agency: "PARIS" });
    expect(agency.error?.issues[0]?.message).toBe("agencyRequired");
    const cash = counterPaymentSchema.parse({
      ...base,
      method: "cash",
      agency: "AZEMMOUR",
      chequeNo: "12345",
    });
    expect(cash.chequeNo).toBeNull();
  });
});

describe("the daily cash report", () => {
  it("totals the counters' takings of a local day per agency and method", async () => {
    const report = await dailyCashReport(db, { date: TODAY, timeZone: TZ });
    // The payments above on the 22nd local time; the seed's counter payments are on other days.
    const byKey = Object.fromEntries(
      report.totals.map((t) => [`${t.agency}|${t.method}`, [t.count, t.totalMinor]]),
    );
    expect(byKey["AZEMMOUR|cheque"]).toEqual([1, 10050]);
    const centre = byKey["EJD-CENTRE|cash"]!;
    expect(centre[0]).toBeGreaterThanOrEqual(1);
    const grand = report.grandTotals.find((g) => g.currency === "MAD")!;
    expect(grand.totalMinor).toBe(report.payments.reduce((s, p) => s + p.amountMinor, 0));
    expect(report.payments.every((p) => p.receiptNo && p.clerkName)).toBe(true);
    // 23:30 UTC on the 21st is already the 22nd in Casablanca, and not the 21st.
    const dayBefore = await dailyCashReport(db, { date: "2026-11-21", timeZone: TZ });
    expect(dayBefore.payments.some((p) => p.agency === "EJD-CENTRE")).toBe(false);
    const azemmour = await dailyCashReport(db, { date: TODAY, timeZone: TZ, agency: "AZEMMOUR" });
    expect(azemmour.payments.map((p) => p.agency)).toEqual(["AZEMMOUR"]);
  });
});

describe("reconciliation", () => {
  it("counts payments per provider and day", async () => {
    const rows = await paymentsByProviderAndDay(db, { from: TODAY, to: TODAY, timeZone: TZ });
    const counter = rows.find((r) => r.provider === "counter" && r.day === TODAY)!;
    const report = await dailyCashReport(db, { date: TODAY, timeZone: TZ });
    expect(counter.count).toBe(report.payments.length);
    expect(counter.totalMinor).toBe(report.grandTotals[0]!.totalMinor);
  });

  it("finds planted mismatches: a lost checkout, a paid bill cancelled, an over-allocated bill", async () => {
    const now = new Date("2026-11-22T12:00:00Z");
    const [contract] = await db
      .select()
      .from(contracts)
      .where(eq(contracts.contractNo, "1000000102"));
    // A test-provider checkout opened two hours ago and never confirmed…
    const [stale] = await db
      .insert(payments)
      .values({
        provider: "test",
        providerRef: `cs_test_${randomUUID()}`,
        contractId: contract!.id,
        amountMinor: 5000,
        currency: "MAD",
        createdAt: new Date(now.getTime() - 2 * 3600_000),
      })
      .returning();
    // …and one opened ten minutes ago, which is not late yet.
    const [fresh] = await db
      .insert(payments)
      .values({
        provider: "test",
        providerRef: `cs_test_${randomUUID()}`,
        contractId: contract!.id,
        amountMinor: 5000,
        currency: "MAD",
        createdAt: new Date(now.getTime() - 10 * 60_000),
      })
      .returning();
    // A bill paid at the counter by the seed, then cancelled.
    const [paidBill] = await db
      .select({ id: bills.id, totalMinor: bills.totalMinor })
      .from(bills)
      .innerJoin(paymentAllocations, eq(paymentAllocations.billId, bills.id))
      .where(eq(bills.contractId, contract!.id))
      .orderBy(asc(bills.periodStart))
      .limit(1);
    await db.update(bills).set({ status: "cancelled" }).where(eq(bills.id, paidBill!.id));
    // A second counter payment allocated to another paid bill: more than its total.
    const [other] = await db
      .select({ id: bills.id, billNo: bills.billNo })
      .from(bills)
      .innerJoin(paymentAllocations, eq(paymentAllocations.billId, bills.id))
      .where(and(eq(bills.contractId, contract!.id), ne(bills.id, paidBill!.id)))
      .orderBy(asc(bills.periodStart))
      .limit(1);
    const [extra] = await db
      .insert(payments)
      .values({
        provider: "counter",
        providerRef: `PLANTED-${randomUUID()}`,
        contractId: contract!.id,
        amountMinor: 700,
        currency: "MAD",
        status: "succeeded",
        receivedAt: now,
      })
      .returning();
    await db
      .insert(paymentAllocations)
      .values({ paymentId: extra!.id, billId: other!.id, amountMinor: 700 });

    const found = await findMismatches(db, { now });
    expect(
      found.find((m) => m.kind === "stale_pending" && m.paymentId === stale!.id),
    ).toMatchObject({ severity: "action", provider: "test", gapMinor: 5000 });
    expect(found.some((m) => m.paymentId === fresh!.id)).toBe(false);
    expect(
      found.find((m) => m.kind === "cancelled_bill" && m.billId === paidBill!.id),
    ).toMatchObject({ provider: "counter", gapMinor: paidBill!.totalMinor });
    expect(found.find((m) => m.kind === "over_allocated" && m.billId === other!.id)).toMatchObject({
      billNo: other!.billNo,
      gapMinor: 700,
    });
  });
});
