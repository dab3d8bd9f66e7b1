import type { Utility } from "@/db/schema";
import type {
  BillDocument,
  BillLabelKey,
  StatementDocument,
  StatementLabelKey,
} from "@/lib/documents/bill-document";
import { MESSAGES } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { utilityAddress, utilityName } from "@/lib/utility/get-utility";
import type { BillExplanation } from "./bill-contract";
import {
  decimalAmount,
  formatDay,
  formatDecimal,
  formatRate,
  lastDay,
  lineLabel,
  lineWhy,
  meterSwapRows,
  unitLabel,
} from "./present";
import type { BillDetail, Statement } from "./queries";

/** Amounts in a PDF: the decimal with the locale's separator; the currency is printed apart. */
function amount(minor: number, currency: string, locale: Locale): string {
  return formatDecimal(decimalAmount(minor, currency), locale, 2);
}

/** The utility block every document prints at its top (also the mail registry's letters). */
export function docUtility(utility: Utility, locale: Locale) {
  return {
    name: utilityName(utility, locale),
    address: utilityAddress(utility, locale),
    phone: utility.phone ?? undefined,
    website: utility.email ?? undefined,
  };
}

/** Currency as a customer reads it after an amount: درهم in Arabic for MAD, the code otherwise. */
function currencyLabel(currency: string, locale: Locale): string {
  if (locale === "ar" && currency === "MAD") return "درهم";
  return currency;
}

/**
 * The display data of a bill's PDF in one language, from the same detail and presenter as the
 * bill page: the PDF never tells another story than the screen.
 */
export function billDocument(
  detail: BillDetail,
  locale: Locale,
  utility: Utility,
  tariffName: string,
): BillDocument {
  const t = translator(locale);
  const { bill } = detail;
  const labels = MESSAGES[locale].billing.pdfBill as Record<BillLabelKey, string>;
  const unit = unitLabel(t, bill.unit);
  // A swapped register's indexes are in its swap rows (both meters); the rest sum as before.
  const registers = ((bill.explanation as BillExplanation).registers ?? []).filter(
    (r) => !r.exchange,
  );
  const swapRows = meterSwapRows(t, detail, locale, { pdf: true });
  // Indexes are the digits on the dial: no thousands separator, which French would make a dot.
  const sum = (key: "previous" | "current") =>
    registers.length ? String(registers.reduce((s, r) => s + r[key], 0)) : undefined;
  const money = (minor: number) => amount(minor, bill.currency, locale);
  const monthLabel = (date: string) =>
    new Intl.DateTimeFormat(locale === "ar" ? "ar-MA" : locale === "fr" ? "fr-MA" : "en-GB", {
      month: "short",
      timeZone: "UTC",
      numberingSystem: "latn",
    }).format(new Date(`${date}T12:00:00Z`));
  return {
    locale,
    labels,
    utility: docUtility(utility, locale),
    bill: {
      billNo: bill.billNo,
      issuedAt: formatDay(bill.issuedAt.toISOString().slice(0, 10), locale),
      dueDate: formatDay(bill.dueDate, locale),
      periodStart: formatDay(bill.periodStart, locale),
      periodEnd: formatDay(lastDay(bill.periodEnd), locale),
      days: bill.days,
      status: t(`billing.status.${detail.paymentStatus}`),
      estimated: bill.estimated,
      readingType: t(`billing.readingType.${bill.readingType}`),
      paymentReference: bill.paymentReference,
      currency: currencyLabel(bill.currency, locale),
    },
    customer: { name: detail.customer.name, customerNo: detail.customer.customerCode },
    contract: {
      contractNo: detail.contract.contractNo,
      service: t(`billing.service.${detail.service}`),
      tariffName,
    },
    premises: { address: `${detail.premise.addressLine}, ${detail.premise.city}` },
    meter: {
      serial: detail.meter?.serial ?? "",
      previousIndex: sum("previous"),
      newIndex: sum("current"),
      consumption: formatDecimal(bill.consumption, locale),
      unit,
      ...(swapRows.length
        ? { swap: { rows: swapRows, totalLabel: t("billing.detail.swapTotal") } }
        : {}),
    },
    lines: detail.lines.map((line) => ({
      label:
        line.kind === "regularisation"
          ? `${lineLabel(t, line)} (${formatDay(line.periodStart, locale)})`
          : lineLabel(t, line),
      detail: line.kind === "regularisation" ? undefined : lineWhy(t, line, locale) || undefined,
      quantity:
        line.kind === "fixed"
          ? t("billing.days", { count: line.days })
          : `${formatDecimal(line.quantity, locale)} ${unitLabel(t, line.unit)}`,
      unitPrice: line.kind === "regularisation" ? "" : formatDecimal(line.unitPrice, locale, 2),
      amount: money(line.amountMinor),
      taxRate: formatRate(line.taxRate, locale),
      tax: money(line.taxMinor),
      total: money(line.totalMinor),
    })),
    totals: {
      beforeTax: money(bill.totalBeforeTaxMinor),
      tax: money(bill.taxMinor),
      total: money(bill.totalMinor),
      arrears: money(detail.arrearsMinor),
      amountDue: money(detail.amountDueMinor + detail.arrearsMinor),
    },
    history: detail.history.map((h) => ({
      label: monthLabel(h.periodEnd),
      consumption: Math.round(Number(h.consumption)),
      estimated: h.estimated,
    })),
    // What a banking app or our quick-pay page needs: who, which bill, how much.
    qrPayload: `WASLA:PAY?contract=${detail.contract.contractNo}&ref=${bill.paymentReference}&amount=${decimalAmount(detail.amountDueMinor, bill.currency)}&currency=${bill.currency}`,
  };
}

export function statementDocument(
  statement: Statement,
  locale: Locale,
  utility: Utility,
  owner: { name: string; customerCode: string; service: string },
): StatementDocument {
  const t = translator(locale);
  const money = (minor: number) => amount(minor, statement.currency, locale);
  return {
    locale,
    labels: MESSAGES[locale].billing.pdfStatement as Record<StatementLabelKey, string>,
    utility: docUtility(utility, locale),
    customer: { name: owner.name, customerNo: owner.customerCode },
    contract: {
      contractNo: statement.contractNo,
      service: t(`billing.service.${owner.service as "water"}`),
    },
    from: formatDay(statement.from, locale),
    to: formatDay(statement.to, locale),
    openingBalance: money(statement.openingMinor),
    closingBalance: money(statement.closingMinor),
    currency: currencyLabel(statement.currency, locale),
    rows: statement.rows.map((r) => ({
      date: formatDay(r.date, locale),
      description:
        r.kind === "bill"
          ? t("billing.statement.bill", { reference: r.reference })
          : t("billing.statement.payment", { reference: r.reference }),
      debit: r.debitMinor ? money(r.debitMinor) : "",
      credit: r.creditMinor ? money(r.creditMinor) : "",
      balance: money(r.balanceMinor),
    })),
  };
}
