import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apiKeys, auditLog, bills, paymentAllocations, payments } from "@/db/schema";
import { GET as getPartnerBills } from "@/app/api/v1/partner/bills/route";
import { POST as postPartnerPayment } from "@/app/api/v1/partner/payments/route";
import { DEMO_PARTNER_KEY } from "@/db/seed/demo";
import { sha256 } from "@/lib/auth/tokens";
import ar from "@/lib/i18n/messages/ar.json";
import fr from "@/lib/i18n/messages/fr.json";
import { createApiKey, revokeApiKey } from "@/lib/payments/admin-keys";
import { findMismatches } from "@/lib/payments/reconciliation";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, userByEmail } from "../helpers/workflow";

let db: Db;
const globalForDb = globalThis as unknown as { __waslaDb?: Db };

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  // The route handlers use the process-wide database: this file's own.
  globalForDb.__waslaDb = db;
  await db.insert(apiKeys).values({
    partnerName: "Read-only bank",
    prefix: "ro_bank_key_",
    keyHash: sha256("ro_bank_key_2026_secret"),
    scopes: ["bills:read"],
  });
});
afterAll(() => {
  delete globalForDb.__waslaDb;
});

const BASE = "http://localhost/api/v1/partner";
const none = undefined as never;

function listBills(contractNo: string, key = DEMO_PARTNER_KEY, lang = "fr") {
  return getPartnerBills(
    new Request(`${BASE}/bills?contractNo=${encodeURIComponent(contractNo)}`, {
      headers: { authorization: `Bearer ${key}`, "accept-language": lang },
    }),
    none,
  );
}

function pay(body: unknown, options: { key?: string | null; lang?: string } = {}) {
  const key = options.key === undefined ? DEMO_PARTNER_KEY : options.key;
  return postPartnerPayment(
    new Request(`${BASE}/payments`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "accept-language": options.lang ?? "fr",
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    none,
  );
}

async function unpaidBills(contractNo: string) {
  const res = await listBills(contractNo);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    contractNo: string;
    bills: { billNo: string; amountDue: string; currency: string; dueDate: string }[];
  };
}

async function paymentCount() {
  const [row] = await db.select({ n: count() }).from(payments);
  return row!.n;
}

async function allocationCount() {
  const [row] = await db.select({ n: count() }).from(paymentAllocations);
  return row!.n;
}

describe("GET /api/v1/partner/bills", () => {
  it("lists a contract's unpaid bills with only what collecting them needs", async () => {
    const list = await unpaidBills("1000000101");
    expect(list.contractNo).toBe("1000000101");
    expect(list.bills.length).toBeGreaterThan(0);
    for (const b of list.bills) {
      expect(Object.keys(b).sort()).toEqual(["amountDue", "billNo", "currency", "dueDate"]);
      expect(b.amountDue).toMatch(/^\d+\.\d{2}$/);
      expect(Number(b.amountDue)).toBeGreaterThan(0);
    }
    // Spaces and Arabic-Indic digits in the number a payer reads out still find the contract.
    expect((await unpaidBills("١٠٠٠٠٠٠١٠١")).bills).toEqual(list.bills);
  });

  it("answers 404 for an unknown contract and 401 without a key, in the caller's language", async () => {
    const unknown = await listBills("9999999999");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    const anonymous = await getPartnerBills(
      new Request(`${BASE}/bills?contractNo=1000000101`, { headers: { "accept-language": "ar" } }),
      none,
    );
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: ar.errors.UNAUTHENTICATED },
    });
  });
});

describe("POST /api/v1/partner/payments", () => {
  it("records a confirmation once: the same partnerRef twice is one payment and one allocation", async () => {
    const [bill] = (await unpaidBills("1000000101")).bills;
    const body = {
      billNo: bill!.billNo,
      amount: bill!.amountDue,
      currency: bill!.currency,
      partnerRef: "BK-0001",
      paidAt: "2026-11-20T10:15:00+01:00",
    };
    const paymentsBefore = await paymentCount();
    const allocationsBefore = await allocationCount();
    const first = await pay(body);
    expect(first.status).toBe(201);
    const { paymentId } = (await first.json()) as { paymentId: string };
    const again = await pay(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ paymentId });
    expect(await paymentCount()).toBe(paymentsBefore + 1);
    expect(await allocationCount()).toBe(allocationsBefore + 1);

    const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(row).toMatchObject({
      provider: "partner",
      providerRef: `${DEMO_PARTNER_KEY.slice(0, 12)}:BK-0001`,
      status: "succeeded",
      receivedAt: new Date("2026-11-20T09:15:00Z"),
    });
    expect(row!.receiptNo).toMatch(/^QP-2026-\d+$/);
    // The bill is no longer offered to partners.
    expect((await unpaidBills("1000000101")).bills.map((b) => b.billNo)).not.toContain(
      bill!.billNo,
    );
    const audit = await db
      .select({ action: auditLog.action, actorLabel: auditLog.actorLabel })
      .from(auditLog)
      .where(eq(auditLog.entityId, paymentId));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "payment.partner_confirmed",
      "payment.succeeded",
    ]);
    expect(audit[0]!.actorLabel).toBe(`partner:${DEMO_PARTNER_KEY.slice(0, 12)}`);

    // The same partnerRef for another amount is someone's mistake, not a retry.
    const reused = await pay({ ...body, amount: "1.00" });
    expect(reused.status).toBe(409);
    expect(await paymentCount()).toBe(paymentsBefore + 1);
  });

  it("refuses bad input with a clear localised error and changes nothing", async () => {
    const [bill] = (await unpaidBills("1000000102")).bills;
    const [water] = (await unpaidBills("2000000101")).bills;
    const [cancelled] = await db
      .update(bills)
      .set({ status: "cancelled", cancelledAt: new Date(), cancelReason: "test" })
      .where(eq(bills.billNo, water!.billNo))
      .returning({ billNo: bills.billNo });
    const valid = {
      billNo: bill!.billNo,
      amount: "10.00",
      currency: bill!.currency,
      partnerRef: "BK-BAD",
      paidAt: "2026-11-20T10:15:00Z",
    };
    const cases: [string, unknown, number, string][] = [
      ["too many decimals", { ...valid, amount: "10.005" }, 400, "VALIDATION_FAILED"],
      ["a negative amount", { ...valid, amount: "-10.00" }, 400, "VALIDATION_FAILED"],
      ["a zero amount", { ...valid, amount: "0.00" }, 400, "VALIDATION_FAILED"],
      ["words", { ...valid, amount: "ten" }, 400, "VALIDATION_FAILED"],
      ["a float", { ...valid, amount: 10.5 }, 400, "VALIDATION_FAILED"],
      ["a huge amount", { ...valid, amount: "99999999999.00" }, 400, "VALIDATION_FAILED"],
      ["an empty amount", { ...valid, amount: "" }, 400, "VALIDATION_FAILED"],
      ["a missing partnerRef", { ...valid, partnerRef: undefined }, 400, "VALIDATION_FAILED"],
      [
        "a date in the future",
        { ...valid, paidAt: "2099-01-01T00:00:00Z" },
        400,
        "VALIDATION_FAILED",
      ],
      ["an unknown field", { ...valid, customer: "x" }, 400, "VALIDATION_FAILED"],
      ["malformed JSON", "{oops", 400, "VALIDATION_FAILED"],
      ["another currency", { ...valid, currency: "EUR" }, 422, "CURRENCY_MISMATCH"],
      ["an unknown bill", { ...valid, billNo: "FA-1999-999999" }, 404, "NOT_FOUND"],
      ["a cancelled bill", { ...valid, billNo: cancelled!.billNo }, 409, "BILL_CANCELLED"],
    ];
    const paymentsBefore = await paymentCount();
    const allocationsBefore = await allocationCount();
    for (const [label, body, status, code] of cases) {
      const res = await pay(body, { lang: "ar" });
      expect(res.status, label).toBe(status);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code, label).toBe(code);
      expect(error.message, label).toBe((ar.errors as Record<string, string>)[code]);
    }
    const french = await pay({ ...valid, billNo: cancelled!.billNo }, { lang: "fr" });
    expect(((await french.json()) as { error: { message: string } }).error.message).toBe(
      fr.errors.BILL_CANCELLED,
    );
    expect(await paymentCount()).toBe(paymentsBefore);
    expect(await allocationCount()).toBe(allocationsBefore);
  });

  it("accepts Arabic-Indic digits in the amount", async () => {
    const [bill] = (await unpaidBills("1000000103")).bills;
    const res = await pay({
      billNo: bill!.billNo,
      amount: "١٠.٥٠",
      currency: bill!.currency,
      partnerRef: "BK-ARABIC",
      paidAt: "2026-11-21T08:00:00Z",
    });
    expect(res.status).toBe(201);
    const { paymentId } = (await res.json()) as { paymentId: string };
    const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(row!.amountMinor).toBe(1050);
  });

  it("takes a payment for a bill someone else already settled, as a credit", async () => {
    // The demo leaves two water bills unpaid; the refusals above cancelled the older one.
    const [bill] = (await unpaidBills("2000000101")).bills;
    const body = {
      billNo: bill!.billNo,
      amount: bill!.amountDue,
      currency: bill!.currency,
      paidAt: "2026-11-21T09:00:00Z",
    };
    expect((await pay({ ...body, partnerRef: "AGENT-A" })).status).toBe(201);
    const second = await pay({ ...body, partnerRef: "AGENT-B" });
    expect(second.status).toBe(201);
    const { paymentId } = (await second.json()) as { paymentId: string };
    const [row] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(row!.status).toBe("succeeded");
    const allocated = await db
      .select()
      .from(paymentAllocations)
      .where(eq(paymentAllocations.paymentId, paymentId));
    expect(allocated).toEqual([]);
    // Reconciliation shows the credit, as information.
    const credit = (await findMismatches(db, { now: new Date() })).find(
      (m) => m.paymentId === paymentId,
    );
    expect(credit).toMatchObject({ kind: "credit", severity: "info", gapMinor: row!.amountMinor });
  });

  it("refuses a revoked key (401) and a key without the scope (403)", async () => {
    const admin = await userByEmail(db, "admin@wasla.example");
    const { key, row } = await createApiKey(db, admin, {
      partnerName: "Agent to revoke",
      scopes: ["bills:read", "payments:write"],
    });
    expect(key.startsWith(row.prefix)).toBe(true);
    const [stored] = await db.select().from(apiKeys).where(eq(apiKeys.id, row.id));
    expect(stored!.keyHash).toBe(sha256(key));
    expect((await listBills("1000000101", key)).status).toBe(200);
    await revokeApiKey(db, admin, { keyId: row.id });
    const [bill] = (await unpaidBills("1000000102")).bills;
    const body = {
      billNo: bill!.billNo,
      amount: bill!.amountDue,
      currency: bill!.currency,
      partnerRef: "REVOKED-1",
      paidAt: "2026-11-21T09:00:00Z",
    };
    const before = await paymentCount();
    const revoked = await pay(body, { key, lang: "fr" });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: fr.errors.UNAUTHENTICATED },
    });
    const readOnly = await pay(body, { key: "ro_bank_key_2026_secret" });
    expect(readOnly.status).toBe(403);
    expect(((await readOnly.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect((await pay(body, { key: null })).status).toBe(401);
    expect(await paymentCount()).toBe(before);
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "api_key"), eq(auditLog.entityId, row.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("lets only administrators manage keys", async () => {
    const supervisor = await userByEmail(db, "supervisor@wasla.example");
    const error = await appErrorOf(
      createApiKey(db, supervisor, { partnerName: "Nope", scopes: ["bills:read"] }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});
