import { cursorCodec, isoDate, uuid } from "@/lib/api/cursor";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import {
  billFacts,
  decimalAmount,
  describeChanges,
  explainChanges,
  lineLabel,
  lineWhy,
  unitLabel,
} from "./present";
import type { BillExplanation } from "./bill-contract";
import type { BillDetail, BillSummary } from "./queries";

/** A bill in the API's list shape (API.md): amounts as decimal strings with their currency. */
export function presentBillSummary(b: BillSummary) {
  return {
    id: b.id,
    billNo: b.billNo,
    contractNo: b.contractNo,
    periodStart: b.periodStart,
    periodEnd: b.periodEnd,
    total: decimalAmount(b.totalMinor, b.currency),
    amountDue: decimalAmount(b.amountDueMinor, b.currency),
    currency: b.currency,
    status: b.paymentStatus,
    dueDate: b.dueDate,
    estimated: b.estimated,
  };
}

/** One bill with its lines and explanation, labels in the caller's language. */
export function presentBillDetail(detail: BillDetail, locale: Locale) {
  const t = translator(locale);
  const { bill } = detail;
  const money = (minor: number) => decimalAmount(minor, bill.currency);
  return {
    bill: {
      ...presentBillSummary(detail),
      days: bill.days,
      consumption: bill.consumption,
      unit: bill.unit,
      readingType: bill.readingType,
      previousIndex: bill.previousIndex === null ? null : String(bill.previousIndex),
      newIndex: bill.newIndex === null ? null : String(bill.newIndex),
      meterSwap: meterSwapFigures(detail),
      totalBeforeTax: money(bill.totalBeforeTaxMinor),
      tax: money(bill.taxMinor),
      paid: money(detail.paidMinor),
      paymentReference: bill.paymentReference,
      pdf: {
        ar: `/api/bills/${bill.id}/pdf?lang=ar`,
        fr: `/api/bills/${bill.id}/pdf?lang=fr`,
        en: `/api/bills/${bill.id}/pdf?lang=en`,
      },
      lines: detail.lines.map((l) => ({
        label: lineLabel(t, l),
        code: l.code,
        kind: l.kind,
        service: l.service,
        explanation: l.kind === "regularisation" ? "" : lineWhy(t, l, locale),
        quantity: l.quantity,
        unit: unitLabel(t, l.unit),
        unitPrice: l.unitPrice,
        amount: money(l.amountMinor),
        taxRate: String(Number(l.taxRate)),
        tax: money(l.taxMinor),
        total: money(l.totalMinor),
        block: l.block,
        tariffVersionId: l.tariffVersionId,
      })),
      changes: describeChanges(
        t,
        explainChanges(
          billFacts({ ...bill, lines: detail.lines }),
          detail.previousFull
            ? billFacts({ ...detail.previousFull.bill, lines: detail.previousFull.lines })
            : null,
        ),
        locale,
      ),
    },
  };
}

/** The bill list's cursor: the last bill's sort key (period end, newest first; id tie-break). */
export const billCursor = cursorCodec({ periodEnd: isoDate, id: uuid });

/**
 * A meter replaced during the period, per register: the old meter's part (previous reading to
 * its final index) and the new meter's (initial index to this bill's reading). Empty for a
 * bill on one meter, whose `previousIndex`/`newIndex` say it all.
 */
function meterSwapFigures(detail: BillDetail) {
  const registers = (detail.bill.explanation as Partial<BillExplanation> | null)?.registers ?? [];
  return registers.flatMap((r) =>
    r.exchange
      ? [
          {
            register: r.name,
            oldMeterSerial:
              detail.oldMeters.find((m) => m.id === r.exchange!.oldMeterId)?.serial ?? null,
            oldPreviousIndex: String(r.exchange.previous),
            oldFinalIndex: String(r.exchange.final),
            newInitialIndex: String(r.previous),
            newIndex: String(r.current),
          },
        ]
      : [],
  );
}
