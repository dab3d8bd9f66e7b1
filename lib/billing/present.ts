import type { BillLine } from "@/db/schema";
import { intlTag } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { addDays } from "./dates";
import { minorDigits } from "./engine/money";
import { explainChanges, type BillFacts, type Change } from "./explain";
import type { BillExplanation } from "./bill-contract";
import type { BillDetail } from "./queries";

/**
 * How bills read in each language: money, quantities, line labels, "why this amount" and "what
 * changed". The bill page, the PDF and the API share these, so they never tell different stories.
 */

type T = ReturnType<typeof translator>;

/** "413.36" — the API's money format (API.md): a plain decimal string with the currency's digits. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  return digits
    ? `${sign}${whole}.${String(abs % scale).padStart(digits, "0")}`
    : `${sign}${whole}`;
}

/** "413,36 MAD" / "413.36 MAD": Western digits as Moroccan bills print them, currency code after. */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const digits = minorDigits(currency);
  const number = new Intl.NumberFormat(intlTag(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    numberingSystem: "latn",
  }).format(Number(decimalAmount(minor, currency)));
  return `${number} ${currency}`;
}

/** A decimal string ("150.000", "0.90100") shown with the locale's separator, zeros trimmed. */
export function formatDecimal(value: string | number, locale: Locale, minFraction = 0): string {
  const text = String(value);
  const [whole = "0", fraction = ""] = text.replace(/^-/, "").split(".");
  let trimmed = fraction.replace(/0+$/, "");
  while (trimmed.length < minFraction) trimmed += "0";
  const grouped = new Intl.NumberFormat(intlTag(locale), {
    maximumFractionDigits: 0,
    numberingSystem: "latn",
  }).format(BigInt(whole));
  const separator = locale === "en" ? "." : ",";
  return `${text.startsWith("-") ? "-" : ""}${grouped}${trimmed ? separator + trimmed : ""}`;
}

/** "20 %" / "20%" from "0.2". */
export function formatRate(rate: string, locale: Locale): string {
  const percent = Number(rate) * 100;
  return new Intl.NumberFormat(intlTag(locale), {
    style: "percent",
    maximumFractionDigits: 2,
    numberingSystem: "latn",
  }).format(percent / 100);
}

/** A calendar date ("2026-11-05") in the reader's language, without time-zone shifts. */
export function formatDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: "medium",
    timeZone: "UTC",
    numberingSystem: "latn",
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The last day of a period whose end is exclusive. */
export function lastDay(periodEnd: string): string {
  return addDays(periodEnd, -1);
}

export function formatPeriod(start: string, end: string, locale: Locale): string {
  return translator(locale)("billing.period", {
    start: formatDay(start, locale),
    end: formatDay(lastDay(end), locale),
  });
}

export function unitLabel(t: T, unit: string): string {
  return t.has(`billing.unit.${unit}` as never) ? t(`billing.unit.${unit}` as never) : unit;
}

export function lineLabel(t: T, line: Pick<BillLine, "code">): string {
  return t.has(`billing.line.${line.code}` as never)
    ? t(`billing.line.${line.code}` as never)
    : t("billing.line.other");
}

/** Why a line has its amount: the tranche and its limits, the days of a fixed charge, a cap. */
export function lineWhy(
  t: T,
  line: Pick<
    BillLine,
    | "kind"
    | "mode"
    | "block"
    | "blockFrom"
    | "blockTo"
    | "unit"
    | "unitPrice"
    | "days"
    | "quantity"
    | "amountMinor"
  >,
  locale: Locale,
): string {
  const unit = unitLabel(t, line.unit);
  const from = line.blockFrom !== null ? formatDecimal(line.blockFrom, locale) : "";
  const to = line.blockTo !== null ? formatDecimal(line.blockTo, locale) : null;
  const price = formatDecimal(line.unitPrice, locale, 2);
  switch (line.kind) {
    case "consumption":
      if (!line.block) return "";
      if (line.mode === "selective")
        return to === null
          ? t("billing.why.selectiveOpen", { block: line.block, from, unit })
          : t("billing.why.selective", { block: line.block, from, to, unit });
      return to === null
        ? t("billing.why.progressiveOpen", { block: line.block, from, unit, price })
        : t("billing.why.progressive", { block: line.block, from, to, unit, price });
    case "surcharge":
      return t("billing.why.surcharge", {
        quantity: formatDecimal(line.quantity, locale),
        unit,
        price,
      });
    case "fixed":
      return t("billing.why.fixed", { days: line.days });
    case "statutory_tax":
      // The engine brings a capped tax back down with a negative line of its own.
      if (line.amountMinor < 0) return t("billing.why.capped");
      if (!line.block) return "";
      return to === null
        ? t("billing.why.taxOpen", { block: line.block, from, unit })
        : t("billing.why.tax", { block: line.block, from, to, unit });
    default:
      return "";
  }
}

/** A labelled figure of the bill's meter block: "Old meter MX-…" · "12345 → 12465 (120 m³)". */
export type MeterRow = { label: string; value: string };

/**
 * A bill whose period spans a meter swap, as its page and its PDF show it: per register, the
 * old meter's part (from where the previous bill left it to its final index) and the new
 * meter's (from its initial index), which add up to the consumption. Without them the reader
 * sees the new meter's few units next to a consumption several times larger. Empty when no
 * register was swapped, so any other bill reads exactly as before.
 */
export function meterSwapRows(
  t: T,
  detail: Pick<BillDetail, "bill" | "meter" | "oldMeters">,
  locale: Locale,
  /**
   * For the PDF: its one font (Amiri, lib/documents/fonts.ts) has no arrow glyph, so the
   * indexes are joined by the en dash its period line uses.
   */
  options: { pdf?: boolean } = {},
): MeterRow[] {
  const registers = (detail.bill.explanation as Partial<BillExplanation> | null)?.registers ?? [];
  const unit = unitLabel(t, detail.bill.unit);
  // Indexes are the digits on the dial (no separator), as the rest of the meter block shows them.
  const range = (previous: number, current: number) =>
    t(options.pdf ? "billing.detail.swapRangePdf" : "billing.detail.swapRange", {
      previous: String(previous),
      current: String(current),
      units: formatDecimal(current - previous, locale),
      unit,
    });
  const named = (label: string, register: string) =>
    registers.length > 1 && t.has(`contracts.register.${register}` as never)
      ? `${label} · ${t(`contracts.register.${register}` as never)}`
      : label;
  return registers.flatMap((r) => {
    if (!r.exchange) return [];
    const oldSerial = detail.oldMeters.find((m) => m.id === r.exchange!.oldMeterId)?.serial;
    return [
      {
        label: named(t("billing.detail.swapOld", { serial: oldSerial ?? "" }).trim(), r.name),
        value: range(r.exchange.previous, r.exchange.final),
      },
      {
        label: named(
          t("billing.detail.swapNew", { serial: detail.meter?.serial ?? "" }).trim(),
          r.name,
        ),
        value: range(r.previous, r.current),
      },
    ];
  });
}

/** The facts of a bill that "what changed" compares. */
export function billFacts(bill: {
  days: number;
  consumption: string;
  totalMinor: number;
  estimated: boolean;
  explanation: unknown;
  lines: Pick<BillLine, "tariffVersionId" | "taxRate" | "kind">[];
}): BillFacts {
  const explanation = (bill.explanation ?? {}) as Partial<BillExplanation>;
  return {
    days: bill.days,
    consumption: Number(bill.consumption),
    totalMinor: bill.totalMinor,
    estimated: bill.estimated,
    tranches: Object.fromEntries(
      (explanation.tariffs ?? []).map((x) => [x.code, { tranche: x.trancheReached, mode: x.mode }]),
    ),
    versionIds: [
      ...new Set(
        bill.lines
          .filter((l) => l.kind !== "regularisation" && l.tariffVersionId)
          .map((l) => l.tariffVersionId!),
      ),
    ],
    taxRates: [
      ...new Set(bill.lines.filter((l) => l.kind !== "regularisation").map((l) => l.taxRate)),
    ],
    regularised: Boolean(explanation.regularised?.length),
  };
}

/** "What changed since the previous bill", as sentences. */
export function describeChanges(t: T, changes: Change[], locale: Locale): string[] {
  return changes.map((c) => {
    switch (c.code) {
      case "days":
        return t("billing.change.days", { days: c.days, previousDays: c.previousDays });
      case "consumption":
        return c.direction === "up"
          ? t("billing.change.consumptionUp", { percent: c.percent })
          : t("billing.change.consumptionDown", { percent: c.percent });
      case "tranche":
        return (
          (c.tranche > c.previousTranche
            ? t("billing.change.trancheUp", {
                tranche: c.tranche,
                previousTranche: c.previousTranche,
              })
            : t("billing.change.trancheDown", {
                tranche: c.tranche,
                previousTranche: c.previousTranche,
              })) + (c.mode === "selective" ? ` ${t("billing.change.selective")}` : "")
        );
      case "tax_changed":
        return t("billing.change.tax_changed", {
          rate: formatRate(c.rate, locale),
          previousRate: formatRate(c.previousRate, locale),
        });
      default:
        return t(`billing.change.${c.code}`);
    }
  });
}

export { explainChanges };
