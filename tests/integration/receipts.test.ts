import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { bills, contracts, outbox, payments, type User } from "@/db/schema";
import { renderReceiptPdfBuffer } from "@/lib/documents/receipt-pdf";
import { pdfPageCount, pdfText } from "@/lib/documents/pdf-text";
import { createPendingPayment, settlePayment } from "@/lib/payments/ledger";
import { enqueueReceiptEmail } from "@/lib/payments/notify-receipt";
import { signReceipt, verifyReceiptSignature } from "@/lib/payments/receipt-signature";
import {
  getReceipt,
  getReceiptByNumber,
  listCustomerPayments,
  maskContractNo,
  receiptDocument,
  receiptSignedFields,
  type Receipt,
} from "@/lib/payments/receipts";
import { getUtility } from "@/lib/utility/get-utility";
import { createTestDatabase } from "../helpers/db";
import { userByEmail } from "../helpers/workflow";

const squash = (s: string) => s.replace(/\s+/g, "");
const EXTRA_MINOR = 5_000; // paid on top of the bill: left as a credit

let db: Db;
let owner: User;
let stranger: User;
let paymentId: string;
let billNo: string;
let billTotal: number;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-42";
  ({ db } = await createTestDatabase());
  owner = await userByEmail(db, "customer@wasla.example");
  stranger = await userByEmail(db, "youssef@wasla.example");
  // The demo leaves the newest bill of contract 1000000101 unpaid.
  const [bill] = await db
    .select({
      id: bills.id,
      billNo: bills.billNo,
      totalMinor: bills.totalMinor,
      contractId: bills.contractId,
      currency: bills.currency,
    })
    .from(bills)
    .innerJoin(contracts, eq(contracts.id, bills.contractId))
    .where(and(eq(contracts.contractNo, "1000000101"), eq(bills.status, "issued")))
    .orderBy(desc(bills.periodEnd))
    .limit(1);
  billNo = bill!.billNo;
  billTotal = bill!.totalMinor;
  const { payment } = await createPendingPayment(db, {
    provider: "test",
    providerRef: `test_${randomUUID()}`,
    contractId: bill!.contractId,
    userId: owner.id,
    billIds: [bill!.id],
    amountMinor: bill!.totalMinor + EXTRA_MINOR,
    currency: bill!.currency,
    locale: "ar",
  });
  paymentId = payment.id;
  const settled = await db.transaction((tx) =>
    settlePayment(tx, {
      paymentId,
      receivedAt: new Date("2026-11-20T10:30:00Z"),
      actor: { kind: "system", label: "test" },
    }),
  );
  expect(settled.kind).toBe("settled");
});

describe("who gets a receipt", () => {
  it("gives the owner the receipt with the bill it settled and the credit left", async () => {
    const receipt = await getReceipt(db, { paymentId, access: { userId: owner.id } });
    expect(receipt).not.toBeNull();
    expect(receipt!.payment.receiptNo).toMatch(/^QP-2026-\d{6}$/);
    expect(receipt!.bills.map((b) => [b.billNo, b.allocatedMinor])).toEqual([[billNo, billTotal]]);
    expect(receipt!.creditMinor).toBe(EXTRA_MINOR);
    expect(receipt!.contract.contractNo).toBe("1000000101");
  });

  it("gives another customer nothing, exactly like an unknown payment", async () => {
    expect(await getReceipt(db, { paymentId, access: { userId: stranger.id } })).toBeNull();
    expect(await getReceipt(db, { paymentId: randomUUID(), access: "staff" })).toBeNull();
    expect(await getReceipt(db, { paymentId: "not-a-uuid", access: "staff" })).toBeNull();
  });

  it("gives staff any receipt", async () => {
    const receipt = await getReceipt(db, { paymentId, access: "staff" });
    expect(receipt?.payment.id).toBe(paymentId);
  });

  it("has no receipt for a payment still pending", async () => {
    const [bill] = await db.select().from(bills).where(eq(bills.billNo, billNo));
    const { payment } = await createPendingPayment(db, {
      provider: "test",
      providerRef: `test_${randomUUID()}`,
      contractId: bill!.contractId,
      userId: owner.id,
      billIds: [bill!.id],
      amountMinor: 100,
      currency: bill!.currency,
      locale: "fr",
    });
    expect(await getReceipt(db, { paymentId: payment.id, access: "staff" })).toBeNull();
    const history = await listCustomerPayments(db, { userId: owner.id });
    const pending = history.find((p) => p.id === payment.id);
    expect(pending).toMatchObject({ status: "pending", hasReceipt: false, receiptNo: null });
    expect(pending!.bills.map((b) => b.billNo)).toEqual([billNo]);
  });

  it("gives the demo's counter payments receipt numbers in the order they arrived", async () => {
    const rows = await db
      .select({ receiptNo: payments.receiptNo, receivedAt: payments.receivedAt })
      .from(payments)
      .where(and(eq(payments.provider, "counter"), isNotNull(payments.receiptNo)))
      .orderBy(asc(payments.receivedAt));
    expect(rows.length).toBeGreaterThan(50);
    const seq = rows.map((r) => `${r.receiptNo!.slice(3, 7)}:${r.receiptNo!.slice(8)}`);
    expect([...seq].sort()).toEqual(seq);
  });
});

describe("the payment history", () => {
  it("lists the owner's payments newest first, and none of them to another customer", async () => {
    const mine = await listCustomerPayments(db, { userId: owner.id });
    const times = mine.map((p) => p.date.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const row = mine.find((p) => p.id === paymentId);
    expect(row).toMatchObject({ status: "succeeded", method: "test", hasReceipt: true });
    expect(row!.bills.map((b) => b.billNo)).toEqual([billNo]);
    const theirs = await listCustomerPayments(db, { userId: stranger.id });
    expect(theirs.some((p) => p.id === paymentId)).toBe(false);
    expect(theirs.length).toBeGreaterThan(0);
  });
});

describe("the receipt PDF", () => {
  let receipt: Receipt;
  beforeAll(async () => {
    receipt = (await getReceipt(db, { paymentId, access: "staff" }))!;
  });

  it("prints the receipt number, the amount and the Arabic labels in logical order", async () => {
    const utility = await getUtility(db);
    const data = receiptDocument(receipt, "ar", utility);
    const pdf = await renderReceiptPdfBuffer(data);
    const text = pdfText(pdf);
    expect(pdfPageCount(pdf)).toBe(1);
    expect(text).toContain(receipt.payment.receiptNo);
    expect(text).toContain(data.totals.total);
    expect(text).toContain(billNo);
    const flat = squash(text);
    for (const label of [
      "وصل أداء",
      "رقم الوصل",
      "الفواتير المسددة",
      "المجموع المؤدى",
      "الرصيد الدائن المتبقي في الحساب",
    ])
      expect(flat).toContain(squash(label));
  });

  it("prints the French receipt with the total in MAD", async () => {
    const data = receiptDocument(receipt, "fr", await getUtility(db));
    const text = pdfText(await renderReceiptPdfBuffer(data));
    expect(text).toContain(`${data.totals.total} MAD`);
    expect(text).toContain("Reçu de paiement");
    expect(data.verifyUrl).toContain(`/fr/verify/receipt/${receipt.payment.receiptNo}?sig=`);
  });
});

describe("the verification link", () => {
  it("verifies the signed link of the receipt and refuses a tampered one", async () => {
    const receipt = (await getReceiptByNumber(
      db,
      (await getReceipt(db, { paymentId, access: "staff" }))!.payment.receiptNo,
    ))!;
    const data = receiptDocument(receipt, "en", await getUtility(db));
    const sig = new URL(data.verifyUrl).searchParams.get("sig");
    expect(verifyReceiptSignature(receiptSignedFields(receipt), sig)).toBe(true);
    const tampered = `${sig!.slice(0, -1)}${sig!.endsWith("A") ? "B" : "A"}`;
    expect(verifyReceiptSignature(receiptSignedFields(receipt), tampered)).toBe(false);
    // A genuine signature shown with another amount (an edited paper receipt) fails too.
    expect(
      verifyReceiptSignature(
        { ...receiptSignedFields(receipt), amountMinor: receipt.payment.amountMinor + 100 },
        sig,
      ),
    ).toBe(false);
    // Another receipt's signature does not carry over.
    const other = { ...receiptSignedFields(receipt), receiptNo: "QP-2026-999999" };
    expect(verifyReceiptSignature(other, signReceipt(receiptSignedFields(receipt)))).toBe(false);
    expect(maskContractNo("1000000101")).toBe("******0101");
  });

  it("finds nothing for an unknown receipt number", async () => {
    expect(await getReceiptByNumber(db, "QP-2026-999999")).toBeNull();
  });
});

describe("the receipt e-mail", () => {
  it("is in the outbox, in the payer's language, once the payment settled", async () => {
    const receipt = (await getReceipt(db, { paymentId, access: "staff" }))!;
    const mails = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "paymentReceipt"), eq(outbox.toAddress, owner.email)));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.locale).toBe("ar");
    expect(mails[0]!.subject).toContain(receipt.payment.receiptNo);
    expect(mails[0]!.bodyText).toContain(billNo);
    expect(mails[0]!.bodyText).toContain(`/ar/verify/receipt/${receipt.payment.receiptNo}?sig=`);
  });

  it("is not sent twice when the provider confirms the payment again", async () => {
    await db.transaction((tx) =>
      settlePayment(tx, { paymentId, receivedAt: new Date(), actor: { kind: "system" } }),
    );
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(eq(outbox.template, "paymentReceipt"));
    expect(row!.n).toBe(1);
  });

  it("goes to the contract's linked account when the payer was a guest, and nowhere without one", async () => {
    const [counter] = await db
      .select({ id: payments.id })
      .from(payments)
      .innerJoin(contracts, eq(contracts.id, payments.contractId))
      .where(and(eq(contracts.contractNo, "1000000101"), eq(payments.provider, "counter")))
      .limit(1);
    expect(await db.transaction((tx) => enqueueReceiptEmail(tx, counter!.id))).toBe(true);
    const [orphan] = await db
      .select({ id: payments.id })
      .from(payments)
      .innerJoin(contracts, eq(contracts.id, payments.contractId))
      .where(
        and(
          eq(payments.provider, "counter"),
          sql`not exists (select 1 from account_contracts ac where ac.contract_id = ${contracts.id})`,
        ),
      )
      .limit(1);
    if (orphan)
      expect(await db.transaction((tx) => enqueueReceiptEmail(tx, orphan.id))).toBe(false);
  });
});
