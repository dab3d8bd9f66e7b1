import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The signature printed in a receipt's QR code. Anyone holding the paper can check it online,
 * without signing in; only this server can make one. It covers the receipt number and the
 * amount, so a receipt whose amount was edited does not verify either.
 */
export type SignedReceipt = { receiptNo: string; amountMinor: number; currency: string };

// The ledger numbers receipts "RC-2026-000001"; any registry-style prefix is accepted so a
// change of prefix there does not break the check of receipts already printed.
const RECEIPT_NO = /^[A-Z]{2,4}-\d{4}-\d{6,}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{32}$/;

function secret(): string {
  const value = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

/** Whether receipts can be signed here (always on a running server; not in every test run). */
export function canSignReceipts(): boolean {
  return Boolean(env().AUTH_SECRET ?? process.env.AUTH_SECRET);
}

/** 32 base64url characters (192 bits) of HMAC-SHA256: short enough for a small QR code. */
export function signReceipt(receipt: SignedReceipt): string {
  return createHmac("sha256", secret())
    .update(`receipt:${receipt.receiptNo}:${receipt.amountMinor}:${receipt.currency.toUpperCase()}`)
    .digest("base64url")
    .slice(0, 32);
}

/** True when `signature` was made by this server for exactly this receipt; constant time. */
export function verifyReceiptSignature(
  receipt: SignedReceipt,
  signature: string | null | undefined,
): boolean {
  if (!signature || !SIGNATURE.test(signature) || !RECEIPT_NO.test(receipt.receiptNo)) return false;
  const expected = Buffer.from(signReceipt(receipt));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A receipt number as it may appear in an address: anything else is not ours. */
export function isReceiptNo(value: string): boolean {
  return RECEIPT_NO.test(value);
}

/** The path of the public check, e.g. `/fr/verify/receipt/RC-2026-000001?sig=…`. */
export function receiptVerifyPath(locale: Locale, receipt: SignedReceipt): string {
  return `/${locale}/verify/receipt/${receipt.receiptNo}?sig=${signReceipt(receipt)}`;
}

/** The absolute link printed in the QR code and sent by e-mail. */
export function receiptVerifyUrl(locale: Locale, receipt: SignedReceipt): string {
  return `${env().APP_URL}${receiptVerifyPath(locale, receipt)}`;
}
