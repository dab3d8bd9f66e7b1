import type { DocLocale, DocUtility } from "./bill-document";

/**
 * What a payment receipt PDF shows, as plain display data: lib/payments loads, formats and
 * translates (receiptDocument in lib/payments/receipts.ts); lib/documents only draws. Amounts
 * and dates arrive as display strings in the document's locale.
 */
export const RECEIPT_LABEL_KEYS = [
  "title",
  "receiptNo",
  "receivedAt",
  "status",
  "payer",
  "customerNo",
  "payment",
  "contractNo",
  "service",
  "method",
  "reference",
  "agency",
  "billsTitle",
  "colBill",
  "colPeriod",
  "colAllocated",
  "noBills",
  "allocatedTotal",
  "credit",
  "refunded",
  "totalPaid",
  "verifyTitle",
  "verifyHint",
  "footer",
] as const;
export type ReceiptLabelKey = (typeof RECEIPT_LABEL_KEYS)[number];

export type ReceiptBillLine = {
  billNo: string;
  /** "1 Oct 2026 – 31 Oct 2026". */
  period: string;
  /** The amount of this payment that settled the bill. */
  allocated: string;
};

export type ReceiptDocument = {
  locale: DocLocale;
  labels: Record<ReceiptLabelKey, string>;
  utility: DocUtility;
  receipt: {
    receiptNo: string;
    /** Date and time, in the utility's time zone. */
    receivedAt: string;
    /** Translated: "Paid", "Refunded", "Partly refunded". */
    status: string;
    /** Translated: "Card (online)", "Cash at the counter"... */
    method: string;
    /** The provider's or the counter's reference, when one helps find the payment. */
    reference?: string;
    agency?: string;
    /** As shown after amounts: "MAD", "درهم". */
    currency: string;
  };
  payer: { name: string; customerNo?: string };
  contract: { contractNo: string; service: string };
  bills: ReceiptBillLine[];
  /** Formatted decimal strings; `credit` and `refunded` only when not zero. */
  totals: { allocated: string; credit?: string; refunded?: string; total: string };
  /** The public verification link encoded in the QR code. */
  verifyUrl: string;
};
