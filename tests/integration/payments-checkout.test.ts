import { and, count, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accountContracts, bills, contracts, payments, processedEvents } from "@/db/schema";
import { POST as testProviderRoute } from "@/app/api/webhooks/test-provider/route";
import { resetEnvCache } from "@/lib/env";
import { luhnDigit } from "@/lib/billing/bill-contract";
import { findQuickPayBills, startCheckout, type StartCheckoutInput } from "@/lib/payments/checkout";
import { dueByBill, orderBillsOldestFirst } from "@/lib/payments/ledger";
import { parseAmountMinor } from "@/lib/payments/schemas";
import {
  confirmationBody,
  receiveTestConfirmation,
  signConfirmation,
} from "@/lib/payments/test-provider";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, userByEmail } from "../helpers/workflow";

let db: Db;
let customerId: string;
let otherId: string;
const origin = "http://portal.test";

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  (globalThis as unknown as { __waslaDb?: Db }).__waslaDb = db;
  setEnv({
    AUTH_SECRET: "test-secret-test-secret-test-secret-42",
    STRIPE_SECRET_KEY: undefined,
    STRIPE_WEBHOOK_SECRET: undefined,
    TEST_PAYMENTS: undefined,
  });
  customerId = (await userByEmail(db, "customer@wasla.example")).id;
  otherId = (await userByEmail(db, "youssef@wasla.example")).id;
});

/**
 * The demo leaves only the newest bill or two unpaid: un-settle a few more of a contract's newest
 * bills (their counter payments become credits) so that each test has bills to pay.
 */
async function reopen(contractNo: string, n: number) {
  await db.execute(sql`delete from payment_allocations where bill_id in (
    select b.id from bills b join contracts c on c.id = b.contract_id
    where c.contract_no = ${contractNo} and b.status = 'issued'
    order by b.period_start desc limit ${n})`);
}

beforeEach(async () => {
  setEnv({ NODE_ENV: "test", TEST_PAYMENTS: undefined });
  await reopen("1000000101", 4);
  await reopen("2000000101", 4);
});

/** A user's bills of one contract that still have something due, oldest first. */
async function openBills(userId: string, contractNo?: string) {
  const rows = await db
    .select({ id: bills.id, contractNo: contracts.contractNo, ref: bills.paymentReference })
    .from(bills)
    .innerJoin(contracts, eq(contracts.id, bills.contractId))
    .innerJoin(accountContracts, eq(accountContracts.contractId, contracts.id))
    .where(
      and(
        eq(accountContracts.userId, userId),
        eq(bills.status, "issued"),
        contractNo ? eq(contracts.contractNo, contractNo) : undefined,
      ),
    );
  const due = await dueByBill(
    db,
    rows.map((r) => r.id),
  );
  const open = rows.filter((r) => (due.get(r.id)?.dueMinor ?? 0) > 0);
  const order = await orderBillsOldestFirst(
    db,
    open.map((r) => r.id),
  );
  return order.map((id) => ({ ...open.find((r) => r.id === id)!, due: due.get(id)!.dueMinor }));
}

async function paymentCount() {
  const [row] = await db.select({ n: count() }).from(payments);
  return row!.n;
}

async function confirm(
  paymentId: string,
  outcome: "paid" | "declined" | "cancelled",
  eventId: string,
) {
  const [p] = await db.select().from(payments).where(eq(payments.id, paymentId));
  const body = confirmationBody({ eventId, paymentId, outcome, amountMinor: p!.amountMinor });
  return receiveTestConfirmation(db, body, signConfirmation(body));
}

describe("amounts typed by people", () => {
  it.each([
    ["150", 15000],
    ["150.5", 15050],
    ["150,50", 15050],
    ["١٥٠٫٥٠", 15050],
    [" 1 000.00 ", 100000],
    [12.5, 1250],
  ])("reads %j as %i centimes", (input, minor) => {
    expect(parseAmountMinor(input, "MAD")).toBe(minor);
  });

  it.each(["", "abc", "-5", "1.234", "1e3", "0x10", "١٢.٣٤٥"])("refuses %j", (input) => {
    expect(parseAmountMinor(input, "MAD")).toBeNull();
  });
});

describe("starting a checkout with the test provider", () => {
  it("opens one pending payment for two bills, oldest first, for the sum due in the bills' currency", async () => {
    const open = (await openBills(customerId, "1000000101")).slice(0, 2);
    expect(open.length).toBe(2);
    const result = await startCheckout(db, {
      payer: { userId: customerId },
      billIds: [open[1]!.id, open[0]!.id],
      locale: "fr",
      origin,
    });
    expect(result.url).toBe(`${origin}/fr/pay/test/${result.paymentId}`);
    const [payment] = await db.select().from(payments).where(eq(payments.id, result.paymentId));
    expect(payment).toMatchObject({
      provider: "test",
      providerRef: `test_${result.paymentId}`,
      status: "pending",
      currency: "MAD",
      userId: customerId,
      amountMinor: open[0]!.due + open[1]!.due,
      billIds: [open[0]!.id, open[1]!.id],
      locale: "fr",
    });
    // A pending payment pays nothing.
    const due = await dueByBill(db, [open[0]!.id]);
    expect(due.get(open[0]!.id)!.dueMinor).toBe(open[0]!.due);
  });

  it("returns the same checkout for a double click with the same form token", async () => {
    const [bill] = await openBills(customerId, "2000000101");
    const before = await paymentCount();
    const input = {
      payer: { userId: customerId },
      billIds: [bill!.id],
      locale: "ar" as const,
      origin,
      idempotencyKey: "form-token-0123456789abcdef",
    };
    const [a, b] = await Promise.all([startCheckout(db, input), startCheckout(db, input)]);
    const c = await startCheckout(db, input);
    expect(b.paymentId).toBe(a.paymentId);
    expect(c).toMatchObject({ paymentId: a.paymentId, url: a.url, created: false });
    expect(await paymentCount()).toBe(before + 1);
    // The same key with other bills is a client bug, not another checkout.
    const other = (await openBills(customerId, "2000000101"))[1]!;
    const conflict = await appErrorOf(startCheckout(db, { ...input, billIds: [other.id] }));
    expect(conflict.code).toBe("CONFLICT");
    // Another customer's identical key is another payment id altogether.
    expect(await paymentCount()).toBe(before + 1);
  });

  it("settles through the signed confirmation once, however many times it is delivered", async () => {
    const [bill] = await openBills(customerId, "1000000101");
    const { paymentId } = await startCheckout(db, {
      payer: { userId: customerId },
      billIds: [bill!.id],
      locale: "en",
      origin,
    });
    expect(await confirm(paymentId, "paid", "evt_test_once_1")).toBe("handled");
    expect(await confirm(paymentId, "paid", "evt_test_once_1")).toBe("duplicate");
    expect(await confirm(paymentId, "paid", "evt_test_once_2")).toBe("handled");
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment!.status).toBe("succeeded");
    expect(payment!.receiptNo).toMatch(/^[A-Z]{2}-\d{4}-\d{6}$/);
    const due = await dueByBill(db, [bill!.id]);
    expect(due.get(bill!.id)!.dueMinor).toBe(0);
    const allocated = await db.execute<{ s: string }>(
      sql`select sum(amount_minor)::text as s from payment_allocations where bill_id = ${bill!.id}`,
    );
    expect(Number(allocated.rows[0]!.s)).toBe(bill!.due);
    // The bill is paid: a new checkout for it is refused.
    const again = await appErrorOf(
      startCheckout(db, {
        payer: { userId: customerId },
        billIds: [bill!.id],
        locale: "en",
        origin,
      }),
    );
    expect(again.fields).toEqual({ billIds: "nothingDue" });
  });

  it("closes a declined or cancelled test payment without touching the bills", async () => {
    const [bill] = await openBills(customerId, "1000000101");
    for (const outcome of ["declined", "cancelled"] as const) {
      const { paymentId } = await startCheckout(db, {
        payer: { userId: customerId },
        billIds: [bill!.id],
        locale: "en",
        origin,
      });
      await confirm(paymentId, outcome, `evt_test_${outcome}_1`);
      const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
      expect(payment!.status).toBe(outcome === "declined" ? "failed" : "cancelled");
      expect((await dueByBill(db, [bill!.id])).get(bill!.id)!.dueMinor).toBe(bill!.due);
    }
  });

  it("refuses a confirmation with a wrong signature: 400 from the route, nothing changed", async () => {
    const [bill] = await openBills(customerId, "1000000101");
    const { paymentId } = await startCheckout(db, {
      payer: { userId: customerId },
      billIds: [bill!.id],
      locale: "en",
      origin,
    });
    const body = confirmationBody({
      eventId: "evt_test_forged_1",
      paymentId,
      outcome: "paid",
      amountMinor: bill!.due,
    });
    const [events] = await db.select({ n: count() }).from(processedEvents);
    for (const signature of [
      "0".repeat(64),
      signConfirmation(body.replace("paid", "PAID")),
      "not-hex",
      undefined,
    ]) {
      const res = await testProviderRoute(
        new Request(`${origin}/api/webhooks/test-provider`, {
          method: "POST",
          body,
          headers: {
            "content-type": "application/json",
            "accept-language": "ar",
            ...(signature ? { "x-wasla-signature": signature } : {}),
          },
        }),
        undefined as never,
      );
      expect(res.status).toBe(400);
    }
    const [after] = await db.select({ n: count() }).from(processedEvents);
    expect(after!.n).toBe(events!.n);
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment!.status).toBe("pending");
    // The genuine signature through the same route settles it.
    const ok = await testProviderRoute(
      new Request(`${origin}/api/webhooks/test-provider`, {
        method: "POST",
        body,
        headers: { "x-wasla-signature": signConfirmation(body) },
      }),
      undefined as never,
    );
    expect(ok.status).toBe(200);
    const [paid] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(paid!.status).toBe("succeeded");
  });
});

describe("bad input changes nothing", () => {
  it("refuses empty, oversized, wrongly typed, hostile and foreign bill lists, cancelled bills and amounts out of limits", async () => {
    const mine = await openBills(customerId, "2000000101");
    const electricity = await openBills(customerId, "1000000101");
    const theirs = await openBills(otherId);
    expect(theirs.length).toBeGreaterThan(0);
    // A bill of hers, cancelled for this test.
    const cancelled = mine.at(-1)!;
    await db.update(bills).set({ status: "cancelled" }).where(eq(bills.id, cancelled.id));
    const sumDue = mine[0]!.due;
    const before = await paymentCount();
    const cases: [string, Partial<StartCheckoutInput>, string, Record<string, string>?][] = [
      ["empty", { billIds: [] }, "VALIDATION_FAILED", { billIds: "required" }],
      [
        "oversized",
        { billIds: Array.from({ length: 51 }, () => crypto.randomUUID()) },
        "VALIDATION_FAILED",
        { billIds: "tooMany" },
      ],
      [
        "duplicated",
        { billIds: [mine[0]!.id, mine[0]!.id] },
        "VALIDATION_FAILED",
        { billIds: "invalid" },
      ],
      ["not a uuid", { billIds: ["1' OR '1'='1"] }, "NOT_FOUND"],
      ["someone else's", { billIds: [theirs[0]!.id] }, "NOT_FOUND"],
      ["mine and someone else's", { billIds: [mine[0]!.id, theirs[0]!.id] }, "NOT_FOUND"],
      ["unknown", { billIds: ["00000000-0000-4000-8000-000000000000"] }, "NOT_FOUND"],
      ["cancelled", { billIds: [cancelled.id] }, "BILL_CANCELLED"],
      [
        "two contracts",
        { billIds: [mine[0]!.id, electricity[0]!.id] },
        "VALIDATION_FAILED",
        { billIds: "oneContract" },
      ],
      [
        "amount too low",
        { billIds: [mine[0]!.id], amount: "0.99" },
        "VALIDATION_FAILED",
        { amount: "amountTooLow" },
      ],
      [
        "amount too high",
        { billIds: [mine[0]!.id], amountMinor: sumDue + 1_000_001 },
        "VALIDATION_FAILED",
        { amount: "amountTooHigh" },
      ],
      [
        "amount not a number",
        { billIds: [mine[0]!.id], amount: "<script>alert(1)</script>" },
        "VALIDATION_FAILED",
        { amount: "amountInvalid" },
      ],
      [
        "amount negative",
        { billIds: [mine[0]!.id], amount: "-10" },
        "VALIDATION_FAILED",
        { amount: "amountInvalid" },
      ],
    ];
    for (const [name, partial, code, fields] of cases) {
      const error = await appErrorOf(
        startCheckout(db, {
          payer: { userId: customerId },
          billIds: [],
          locale: "fr",
          origin,
          ...partial,
        }),
      );
      expect(error.code, name).toBe(code);
      expect(error.status, name).toBeGreaterThanOrEqual(400);
      expect(error.status, name).toBeLessThan(500);
      if (fields) expect(error.fields, name).toEqual(fields);
    }
    expect(await paymentCount()).toBe(before);
    // The upper limit itself is allowed, and so is an amount in Arabic-Indic digits.
    const max = await startCheckout(db, {
      payer: { userId: customerId },
      billIds: [mine[0]!.id],
      amountMinor: sumDue + 1_000_000,
      locale: "fr",
      origin,
    });
    const arabic = await startCheckout(db, {
      payer: { userId: customerId },
      billIds: [mine[0]!.id],
      amount: "١٠٫٥٠",
      locale: "ar",
      origin,
    });
    const rows = await db
      .select({ amountMinor: payments.amountMinor })
      .from(payments)
      .where(inArray(payments.id, [max.paymentId, arabic.paymentId]));
    expect(rows.map((r) => r.amountMinor).sort((a, b) => a - b)).toEqual([
      1050,
      sumDue + 1_000_000,
    ]);
    await db.update(bills).set({ status: "issued" }).where(eq(bills.id, cancelled.id));
  });

  it("refuses the test provider in production unless TEST_PAYMENTS=enabled", async () => {
    const [bill] = await openBills(customerId, "2000000101");
    const before = await paymentCount();
    setEnv({ NODE_ENV: "production" });
    const error = await appErrorOf(
      startCheckout(db, {
        payer: { userId: customerId },
        billIds: [bill!.id],
        locale: "fr",
        origin,
      }),
    );
    expect(error.code).toBe("UNAVAILABLE");
    expect(await paymentCount()).toBe(before);
    setEnv({ TEST_PAYMENTS: "enabled" });
    const ok = await startCheckout(db, {
      payer: { userId: customerId },
      billIds: [bill!.id],
      locale: "fr",
      origin,
    });
    expect(ok.url).toContain("/pay/test/");
  });
});

describe("quick pay", () => {
  it("shows a contract's open bills for its number and a bill's payment reference, and nothing for a wrong pair", async () => {
    const open = await openBills(customerId, "2000000101");
    const found = await findQuickPayBills(db, {
      contractNo: "2000000101",
      paymentReference: open[0]!.ref,
    });
    expect(found?.bills.map((b) => b.id)).toEqual(open.map((b) => b.id));
    expect(Object.keys(found!.bills[0]!).sort()).toEqual(
      ["billNo", "currency", "dueMinor", "id", "periodEnd", "periodStart"].sort(),
    );
    // Another contract's number with this reference: no match.
    expect(
      await findQuickPayBills(db, { contractNo: "1000000101", paymentReference: open[0]!.ref }),
    ).toBeNull();
    // A valid check digit on an unknown reference: no match; a wrong one: refused as a typo.
    const unknown = "12345678901";
    expect(
      await findQuickPayBills(db, {
        contractNo: "2000000101",
        paymentReference: unknown + luhnDigit(unknown),
      }),
    ).toBeNull();
    const typo = unknown + String((Number(luhnDigit(unknown)) + 1) % 10);
    const error = await appErrorOf(
      findQuickPayBills(db, { contractNo: "2000000101", paymentReference: typo }),
    );
    expect(error.fields).toEqual({ paymentReference: "referenceInvalid" });
  });

  it("pays only the proven contract's bills, without an account, to a public status page", async () => {
    const open = await openBills(customerId, "2000000101");
    const electricity = await openBills(customerId, "1000000101");
    const payer = { quickPay: { contractNo: "2000000101", paymentReference: open[0]!.ref } };
    const before = await paymentCount();
    const foreign = await appErrorOf(
      startCheckout(db, { payer, billIds: [electricity[0]!.id], locale: "fr", origin }),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    expect(await paymentCount()).toBe(before);
    const { paymentId } = await startCheckout(db, {
      payer,
      billIds: [open[0]!.id],
      locale: "fr",
      origin,
    });
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment!.userId).toBeNull();
    await confirm(paymentId, "paid", "evt_test_quick_1");
    const [paid] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(paid!.status).toBe("succeeded");
  });
});
