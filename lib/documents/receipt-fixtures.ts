import { MESSAGES } from "@/lib/i18n/messages";
import type { DocLocale } from "./bill-document";
import type { ReceiptDocument, ReceiptLabelKey } from "./receipt-document";

/** Sample receipts for the tests and for looking at the rendering (no database). */
export const PAYER: Record<DocLocale, string> = {
  ar: "فاطمة الزهراء بناني",
  fr: "Fatima Zahra Bennani",
  en: "Fatima Zahra Bennani",
};
const UTILITY: Record<DocLocale, string> = {
  ar: "الوكالة المستقلة لتوزيع الماء والكهرباء",
  fr: "Régie autonome de distribution d'eau et d'électricité",
  en: "Autonomous Water and Electricity Distribution Agency",
};
const sep = (locale: DocLocale) => (locale === "en" ? "." : ",");

/** A receipt of a card payment that settled two bills and left a small credit. */
export function sampleReceipt(locale: DocLocale, bills = 2): ReceiptDocument {
  const m = (whole: string, cents: string) => `${whole}${sep(locale)}${cents}`;
  return {
    locale,
    labels: MESSAGES[locale].receipts.pdf as Record<ReceiptLabelKey, string>,
    utility: {
      name: UTILITY[locale],
      address: locale === "ar" ? "شارع محمد الخامس، الرباط" : "Avenue Mohammed V, Rabat",
      phone: "+212 5 37 00 00 00",
      website: "contact@wasla.example",
    },
    receipt: {
      receiptNo: "RC-2026-000042",
      receivedAt: locale === "ar" ? "22/11/2026، 14:05" : "22 nov. 2026, 14:05",
      status: MESSAGES[locale].receipts.status.succeeded,
      method: MESSAGES[locale].receipts.method.onlineCard,
      currency: locale === "ar" ? "درهم" : "MAD",
    },
    payer: { name: PAYER[locale], customerNo: "C100001" },
    contract: { contractNo: "1000000101", service: locale === "ar" ? "الكهرباء" : "Electricity" },
    bills: Array.from({ length: bills }, (_, i) => ({
      billNo: `FA-2026-${String(120 + i).padStart(6, "0")}`,
      period:
        locale === "ar" ? `${i + 1} أكتوبر 2026 – 31 أكتوبر 2026` : `1 Oct 2026 – 31 Oct 2026`,
      allocated: m(i === 0 ? "213" : "200", i === 0 ? "36" : "00"),
    })),
    totals: { allocated: m("413", "36"), credit: m("86", "64"), total: m("500", "00") },
    verifyUrl:
      "http://localhost:3000/ar/verify/receipt/RC-2026-000042?sig=abcdefghijklmnopqrstuvwxyz012345",
  };
}
