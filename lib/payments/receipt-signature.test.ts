import { beforeAll, describe, expect, it } from "vitest";
import {
  isReceiptNo,
  receiptVerifyPath,
  signReceipt,
  verifyReceiptSignature,
} from "./receipt-signature";

const RECEIPT = { receiptNo: "QP-2026-000042", amountMinor: 41336, currency: "MAD" };

describe("receipt signatures", () => {
  beforeAll(() => {
    process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-42";
  });

  it("verifies the signature it made", () => {
    expect(verifyReceiptSignature(RECEIPT, signReceipt(RECEIPT))).toBe(true);
  });

  it("is 32 URL-safe characters", () => {
    expect(signReceipt(RECEIPT)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("refuses a signature moved to another receipt number", () => {
    const sig = signReceipt(RECEIPT);
    expect(verifyReceiptSignature({ ...RECEIPT, receiptNo: "QP-2026-000043" }, sig)).toBe(false);
  });

  it("refuses a signature when the amount or the currency differs", () => {
    const sig = signReceipt(RECEIPT);
    expect(verifyReceiptSignature({ ...RECEIPT, amountMinor: 41337 }, sig)).toBe(false);
    expect(verifyReceiptSignature({ ...RECEIPT, currency: "SAR" }, sig)).toBe(false);
  });

  it("reads the currency case-insensitively", () => {
    expect(verifyReceiptSignature({ ...RECEIPT, currency: "mad" }, signReceipt(RECEIPT))).toBe(
      true,
    );
  });

  it("refuses a tampered signature", () => {
    const sig = signReceipt(RECEIPT);
    const tampered = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    expect(verifyReceiptSignature(RECEIPT, tampered)).toBe(false);
  });

  it.each([undefined, null, "", "short", "A".repeat(31), "A".repeat(33), `${"A".repeat(31)}=`])(
    "refuses %j",
    (sig) => {
      expect(verifyReceiptSignature(RECEIPT, sig)).toBe(false);
    },
  );

  it("accepts only receipt numbers of the PREFIX-year-number form", () => {
    expect(isReceiptNo("QP-2026-000001")).toBe(true);
    expect(isReceiptNo("QP-2026-1")).toBe(false);
    expect(isReceiptNo("rc-2026-000001")).toBe(false);
    expect(isReceiptNo("QP-2026-000001<script>")).toBe(false);
  });

  it("builds the localised verification path", () => {
    expect(receiptVerifyPath("ar", RECEIPT)).toBe(
      `/ar/verify/receipt/QP-2026-000042?sig=${signReceipt(RECEIPT)}`,
    );
  });
});
