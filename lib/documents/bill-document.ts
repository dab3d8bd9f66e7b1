/**
 * What a bill or a statement PDF shows, as plain display data: the caller (lib/billing and the
 * route that serves the PDF) loads, formats and translates; lib/documents only draws. Amounts,
 * dates and indexes arrive as display strings in the document's locale.
 */
export type DocLocale = "ar" | "fr" | "en";

/** Static labels of a bill, translated by the caller from the messages files. */
export const BILL_LABEL_KEYS = [
  "title",
  "billNo",
  "issuedAt",
  "dueDate",
  "period",
  "days",
  "status",
  "customer",
  "customerNo",
  "contract",
  "contractNo",
  "service",
  "tariff",
  "category",
  "premises",
  "meter",
  "meterSerial",
  "previousIndex",
  "newIndex",
  "consumption",
  "readingType",
  "estimatedNotice",
  "linesTitle",
  "colDescription",
  "colQuantity",
  "colUnitPrice",
  "colAmount",
  "colTaxRate",
  "colTax",
  "colTotal",
  "totalBeforeTax",
  "totalTax",
  "totalBill",
  "arrears",
  "amountDue",
  "payBefore",
  "historyTitle",
  "historyEstimated",
  "historyActual",
  "payTitle",
  "paymentReference",
  "payHint",
  "footer",
  "page",
] as const;
export type BillLabelKey = (typeof BILL_LABEL_KEYS)[number];

/** Static labels of an account statement. */
export const STATEMENT_LABEL_KEYS = [
  "title",
  "customer",
  "customerNo",
  "contractNo",
  "service",
  "period",
  "openingBalance",
  "closingBalance",
  "colDate",
  "colDescription",
  "colDebit",
  "colCredit",
  "colBalance",
  "continued",
  "footer",
  "page",
] as const;
export type StatementLabelKey = (typeof STATEMENT_LABEL_KEYS)[number];

export type DocUtility = {
  name: string;
  address?: string;
  phone?: string;
  website?: string;
  /** A PNG logo; a drawn emblem is used when absent. */
  logoPng?: Buffer;
};

export type BillLine = {
  /** Translated, may mix Arabic and digits. */
  label: string;
  /** e.g. "tranche 3 · 31 days". */
  detail?: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  taxRate: string;
  tax: string;
  total: string;
};

export type BillDocument = {
  locale: DocLocale;
  labels: Record<BillLabelKey, string>;
  utility: DocUtility;
  bill: {
    billNo: string;
    issuedAt: string;
    dueDate: string;
    periodStart: string;
    periodEnd: string;
    days: number;
    status: string;
    estimated: boolean;
    /** Translated: real / self / estimated. */
    readingType: string;
    paymentReference: string;
    /** As shown after amounts: "MAD", "درهم", "SAR". */
    currency: string;
  };
  customer: { name: string; customerNo?: string };
  contract: { contractNo: string; service: string; tariffName: string; category?: string };
  premises: { address: string };
  meter: {
    serial: string;
    previousIndex?: string;
    newIndex?: string;
    consumption: string;
    /** Translated unit: "kWh", "م³". */
    unit: string;
    /**
     * A meter swapped during the period: each meter's part, translated ("Old meter MX-…",
     * "12345 – 12465 (120 m³)"), drawn in place of the indexes, and the consumption under
     * `totalLabel` since it adds both parts up.
     */
    swap?: { rows: { label: string; value: string }[]; totalLabel: string };
  };
  lines: BillLine[];
  /** Formatted decimal strings. */
  totals: { beforeTax: string; tax: string; total: string; arrears: string; amountDue: string };
  /** Up to 12 months, oldest first, for the chart. */
  history: { label: string; consumption: number; estimated?: boolean }[];
  /** Encoded in the QR code: payment reference or payment URL. */
  qrPayload: string;
};

export type StatementRow = {
  date: string;
  description: string;
  debit: string;
  credit: string;
  balance: string;
};

export type StatementDocument = {
  locale: DocLocale;
  labels: Record<StatementLabelKey, string>;
  utility: DocUtility;
  customer: { name: string; customerNo?: string };
  contract: { contractNo: string; service: string };
  from: string;
  to: string;
  openingBalance: string;
  closingBalance: string;
  currency: string;
  rows: StatementRow[];
};

/** Fills `{name}` placeholders of a translated label. */
export function fillLabel(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** "label: value" with the locale's colon (French sets it off with a space). */
export function withLabel(locale: DocLocale, label: string, value: string): string {
  return `${label}${locale === "fr" ? "\u00A0:" : ":"} ${value}`;
}
