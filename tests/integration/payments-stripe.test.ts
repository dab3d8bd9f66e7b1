import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, payments, processedEvents } from "@/db/schema";
import { POST as webhook } from "@/app/api/webhooks/stripe/route";
import { resetEnvCache } from "@/lib/env";
import { startCheckout } from "@/lib/payments/checkout";
import { dueByBill } from "@/lib/payments/ledger";
import { createTestDatabase } from "../helpers/db";
import { userByEmail } from "../helpers/workflow";

const WEBHOOK_SECRET = "whsec_test_wasla_0123456789";
let db: Db;
let customerId: string;
let server: Server;
let sessions = 0;
const captured: { method: string; path: string; headers: IncomingHttpHeaders; body: string }[] = [];
const stripe = new Stripe("sk_test_offline", { telemetry: false });

/** A stand-in for api.stripe.com: records each request and answers like Checkout would. */
function startFakeStripe(): Promise<number> {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      captured.push({ method: req.method!, path: req.url!, headers: req.headers, body });
      const id = req.url!.startsWith("/v1/checkout/sessions/")
        ? req.url!.split("/").pop()!
        : `cs_test_${++sessions}`;
      res.writeHead(200, { "content-type": "application/json", "request-id": `req_${sessions}` });
      res.end(
        JSON.stringify({
          id,
          object: "checkout.session",
          status: "open",
          url: `https://checkout.stripe.test/c/pay/${id}`,
        }),
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  (globalThis as unknown as { __waslaDb?: Db }).__waslaDb = db;
  const port = await startFakeStripe();
  Object.assign(process.env, {
    AUTH_SECRET: "test-secret-test-secret-test-secret-42",
    STRIPE_SECRET_KEY: "sk_test_offline",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: `http://127.0.0.1:${port}`,
  });
  resetEnvCache();
  customerId = (await userByEmail(db, "customer@wasla.example")).id;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function reopen(contractNo: string, n: number) {
  await db.execute(sql`delete from payment_allocations where bill_id in (
    select b.id from bills b join contracts c on c.id = b.contract_id
    where c.contract_no = ${contractNo} and b.status = 'issued'
    order by b.period_start desc limit ${n})`);
}

beforeEach(async () => {
  await reopen("2000000101", 3);
});

/** The contract's newest open bills, oldest first, with what is due. */
async function openBills(contractNo: string, n: number) {
  const rows = await db.execute<{ id: string; bill_no: string }>(sql`
    select b.id, b.bill_no from bills b join contracts c on c.id = b.contract_id
    where c.contract_no = ${contractNo} and b.status = 'issued'
    order by b.period_start desc limit ${n}`);
  const ids = rows.rows.map((r) => r.id).reverse();
  const due = await dueByBill(db, ids);
  return ids.map((id) => ({
    id,
    billNo: rows.rows.find((r) => r.id === id)!.bill_no,
    due: due.get(id)!.dueMinor,
  }));
}

async function checkout(billIds: string[]) {
  return startCheckout(db, {
    payer: { userId: customerId },
    billIds,
    locale: "fr",
    origin: "https://portal.test",
  });
}

let eventNo = 0;
/** Deliver a signed event to the route handler, as Stripe would. */
async function deliver(
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; secret?: string } = {},
): Promise<Response> {
  const payload = JSON.stringify({
    id: options.id ?? `evt_test_${++eventNo}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: "2025-01-01",
    data: { object },
  });
  const header = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
  });
  return webhook(
    new Request("https://portal.test/api/webhooks/stripe", {
      method: "POST",
      body: payload,
      headers: { "stripe-signature": header, "content-type": "application/json" },
    }),
  );
}

function session(
  paymentId: string,
  amountMinor: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: `cs_for_${paymentId}`,
    object: "checkout.session",
    client_reference_id: paymentId,
    metadata: { paymentId },
    amount_total: amountMinor,
    currency: "mad",
    payment_status: "paid",
    payment_intent: `pi_${paymentId.slice(0, 8)}`,
    ...extra,
  };
}

async function paymentOf(id: string) {
  const [p] = await db.select().from(payments).where(eq(payments.id, id));
  return p!;
}

async function allocatedTo(billId: string): Promise<number> {
  const r = await db.execute<{ s: string | null }>(
    sql`select sum(amount_minor)::text as s from payment_allocations where bill_id = ${billId}`,
  );
  return Number(r.rows[0]!.s ?? 0);
}

describe("the Checkout Session we ask Stripe for", () => {
  it("names each bill in minor units and lower-case currency, with our payment id as reference, metadata and Idempotency-Key", async () => {
    const bills = await openBills("2000000101", 2);
    captured.length = 0;
    const result = await checkout(bills.map((b) => b.id));
    expect(result.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    expect(captured).toHaveLength(1);
    const request = captured[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/checkout/sessions");
    expect(request.headers["idempotency-key"]).toBe(result.paymentId);
    expect(request.headers.authorization).toBe("Bearer sk_test_offline");
    const form = new URLSearchParams(request.body);
    expect(form.get("mode")).toBe("payment");
    expect(form.get("client_reference_id")).toBe(result.paymentId);
    expect(form.get("metadata[paymentId]")).toBe(result.paymentId);
    expect(form.get("metadata[billIds]")).toBe(bills.map((b) => b.id).join(","));
    bills.forEach((b, i) => {
      expect(form.get(`line_items[${i}][price_data][currency]`)).toBe("mad");
      expect(form.get(`line_items[${i}][price_data][unit_amount]`)).toBe(String(b.due));
      expect(form.get(`line_items[${i}][price_data][product_data][name]`)).toBe(
        `Facture ${b.billNo}`,
      );
      expect(form.get(`line_items[${i}][quantity]`)).toBe("1");
    });
    expect(form.get("line_items[2][price_data][unit_amount]")).toBeNull();
    expect(form.get("success_url")).toBe(
      `https://portal.test/fr/payments/${result.paymentId}?session_id={CHECKOUT_SESSION_ID}`,
    );
    expect(form.get("cancel_url")).toBe(
      `https://portal.test/fr/payments/${result.paymentId}/cancelled`,
    );
    const payment = await paymentOf(result.paymentId);
    expect(payment).toMatchObject({
      provider: "stripe",
      providerRef: `cs_test_${sessions}`,
      status: "pending",
      amountMinor: bills[0]!.due + bills[1]!.due,
      currency: "MAD",
    });
  });

  it("sends a chosen amount as one 'payment on account' line", async () => {
    const [bill] = await openBills("2000000101", 1);
    captured.length = 0;
    await startCheckout(db, {
      payer: { userId: customerId },
      billIds: [bill!.id],
      amount: "1000,00",
      locale: "en",
      origin: "https://portal.test",
    });
    const form = new URLSearchParams(captured[0]!.body);
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("100000");
    expect(form.get("line_items[0][price_data][product_data][name]")).toBe(
      "Payment on account 2000000101",
    );
    expect(form.get("line_items[1][price_data][unit_amount]")).toBeNull();
  });

  it("asks Stripe again with the same Idempotency-Key on a retry with the same form token", async () => {
    const [bill] = await openBills("2000000101", 1);
    captured.length = 0;
    const input = {
      payer: { userId: customerId },
      billIds: [bill!.id],
      locale: "fr" as const,
      origin: "https://portal.test",
      idempotencyKey: "stripe-form-token-0001",
    };
    const a = await startCheckout(db, input);
    const b = await startCheckout(db, input);
    expect(b.paymentId).toBe(a.paymentId);
    expect(b.url).toBe(a.url);
    // The second answer reads the open session back instead of creating one.
    expect(captured.map((c) => `${c.method} ${c.path}`)).toEqual([
      "POST /v1/checkout/sessions",
      `GET /v1/checkout/sessions/${(await paymentOf(a.paymentId)).providerRef}`,
    ]);
  });
});

describe("Stripe's webhook", () => {
  it("pays a bill once when the same event is delivered three times", async () => {
    const [bill] = await openBills("2000000101", 1);
    const { paymentId } = await checkout([bill!.id]);
    for (let i = 0; i < 3; i++) {
      const res = await deliver("checkout.session.completed", session(paymentId, bill!.due), {
        id: "evt_test_thrice",
      });
      expect(res.status).toBe(200);
    }
    const payment = await paymentOf(paymentId);
    expect(payment.status).toBe("succeeded");
    expect(payment.receiptNo).toMatch(/^[A-Z]{2}-\d{4}-\d{6}$/);
    expect(payment.providerPaymentId).toBe(`pi_${paymentId.slice(0, 8)}`);
    expect(await allocatedTo(bill!.id)).toBe(bill!.due);
    const [events] = await db
      .select({ n: count() })
      .from(processedEvents)
      .where(eq(processedEvents.eventId, "evt_test_thrice"));
    expect(events!.n).toBe(1);
  });

  it("leaves an unpaid (asynchronous) completion pending, and settles on async_payment_succeeded, in either order", async () => {
    const [older, newer] = await openBills("2000000101", 2);
    const first = await checkout([older!.id]);
    await deliver(
      "checkout.session.completed",
      session(first.paymentId, older!.due, { payment_status: "unpaid" }),
    );
    expect((await paymentOf(first.paymentId)).status).toBe("pending");
    await deliver("checkout.session.async_payment_succeeded", session(first.paymentId, older!.due));
    expect((await paymentOf(first.paymentId)).status).toBe("succeeded");

    // Out of order: the success arrives before the completion.
    const second = await checkout([newer!.id]);
    await deliver(
      "checkout.session.async_payment_succeeded",
      session(second.paymentId, newer!.due),
    );
    const res = await deliver(
      "checkout.session.completed",
      session(second.paymentId, newer!.due, { payment_status: "unpaid" }),
    );
    expect(res.status).toBe(200);
    const settled = await paymentOf(second.paymentId);
    expect(settled.status).toBe("succeeded");
    expect(await allocatedTo(newer!.id)).toBe(newer!.due);
  });

  it("closes a failed asynchronous payment and an expired session without touching the bills", async () => {
    const [bill] = await openBills("2000000101", 1);
    const failed = await checkout([bill!.id]);
    await deliver("checkout.session.async_payment_failed", session(failed.paymentId, bill!.due));
    expect((await paymentOf(failed.paymentId)).status).toBe("failed");
    const expired = await checkout([bill!.id]);
    await deliver(
      "checkout.session.expired",
      session(expired.paymentId, bill!.due, { payment_status: "unpaid" }),
    );
    expect((await paymentOf(expired.paymentId)).status).toBe("cancelled");
    expect(await allocatedTo(bill!.id)).toBe(0);
  });

  it("reverses a refund: the bill is partly paid, then unpaid again", async () => {
    const [bill] = await openBills("2000000101", 1);
    const { paymentId } = await checkout([bill!.id]);
    await deliver("checkout.session.completed", session(paymentId, bill!.due));
    const charge = (refunded: number) => ({
      id: `ch_${paymentId.slice(0, 8)}`,
      object: "charge",
      payment_intent: `pi_${paymentId.slice(0, 8)}`,
      amount: bill!.due,
      amount_refunded: refunded,
      refunded: refunded === bill!.due,
    });
    await deliver("charge.refunded", charge(1000));
    expect((await dueByBill(db, [bill!.id])).get(bill!.id)!.dueMinor).toBe(1000);
    expect((await paymentOf(paymentId)).status).toBe("succeeded");
    // The full refund, delivered twice (two event ids, cumulative amount): reversed once.
    await deliver("charge.refunded", charge(bill!.due));
    await deliver("charge.refunded", charge(bill!.due));
    expect((await dueByBill(db, [bill!.id])).get(bill!.id)!.dueMinor).toBe(bill!.due);
    const refunded = await paymentOf(paymentId);
    expect(refunded.status).toBe("refunded");
    expect(refunded.refundedMinor).toBe(bill!.due);
  });

  it("answers 400 to a wrong signature and changes nothing", async () => {
    const [bill] = await openBills("2000000101", 1);
    const { paymentId } = await checkout([bill!.id]);
    const [before] = await db.select({ n: count() }).from(processedEvents);
    const forged = await deliver("checkout.session.completed", session(paymentId, bill!.due), {
      secret: "whsec_someone_else",
    });
    expect(forged.status).toBe(400);
    const unsigned = await webhook(
      new Request("https://portal.test/api/webhooks/stripe", {
        method: "POST",
        body: JSON.stringify({ id: "evt_x", type: "checkout.session.completed", data: {} }),
      }),
    );
    expect(unsigned.status).toBe(400);
    expect((await paymentOf(paymentId)).status).toBe("pending");
    const [after] = await db.select({ n: count() }).from(processedEvents);
    expect(after!.n).toBe(before!.n);
  });

  it("turns a payment for a bill another payment already settled into a credit, not a double payment", async () => {
    const [bill] = await openBills("2000000101", 1);
    const a = await checkout([bill!.id]);
    const b = await checkout([bill!.id]);
    await deliver("checkout.session.completed", session(a.paymentId, bill!.due));
    await deliver("checkout.session.completed", session(b.paymentId, bill!.due));
    expect((await paymentOf(b.paymentId)).status).toBe("succeeded");
    expect(await allocatedTo(bill!.id)).toBe(bill!.due);
    const credit = await db.execute<{ n: string }>(
      sql`select count(*)::text as n from payment_allocations where payment_id = ${b.paymentId}`,
    );
    expect(credit.rows[0]!.n).toBe("0");
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, b.paymentId));
    expect((audit!.after as { creditMinor: number }).creditMinor).toBe(bill!.due);
  });

  it("acknowledges an unknown event type, and an unknown payment with a warning", async () => {
    expect((await deliver("customer.created", { id: "cus_1", object: "customer" })).status).toBe(
      200,
    );
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const res = await deliver(
      "checkout.session.completed",
      session("00000000-0000-4000-8000-000000000000", 100),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, outcome: "unknown_payment" });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("answers 5xx when handling fails, and records nothing, so that Stripe retries", async () => {
    const [bill] = await openBills("2000000101", 1);
    const { paymentId } = await checkout([bill!.id]);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    // A currency the payment was not opened in: the ledger refuses, the transaction rolls back.
    const res = await deliver(
      "checkout.session.completed",
      session(paymentId, bill!.due, { currency: "eur" }),
      { id: "evt_test_fails" },
    );
    error.mockRestore();
    expect(res.status).toBe(500);
    expect((await paymentOf(paymentId)).status).toBe("pending");
    const [events] = await db
      .select({ n: count() })
      .from(processedEvents)
      .where(eq(processedEvents.eventId, "evt_test_fails"));
    expect(events!.n).toBe(0);
  });
});
