import { apportion, formatDecimal, isDecimal, parseDecimal } from "./decimal";
import { daysBetween } from "./dates";
import { priceConsumption } from "./price";
import { QUANTITY_DECIMALS } from "./price-segment";
import type { PricedBill, TariffVersionInput } from "./types";

/** A period billed on an estimate, waiting for the real reading. */
export type EstimatedPeriod = {
  /** YYYY-MM-DD, inclusive. */
  periodStart: string;
  /** YYYY-MM-DD, exclusive. */
  periodEnd: string;
  /** What its bill charged for, decimal string. */
  billedConsumption: string;
  calibre?: string;
};

/** Input of regulariseConsumption. */
export type RegulariseInput = {
  /** All versions of the contract's tariff code. */
  versions: TariffVersionInput[];
  /** The periods the real reading covers, oldest first, not overlapping. */
  periods: EstimatedPeriod[];
  /** Real consumption over all of them: the real index minus the last real index before. */
  realTotal: string;
};

/** One period, re-priced on its share of the real consumption. */
export type RegularisedPeriod = {
  periodStart: string;
  periodEnd: string;
  days: number;
  billedConsumption: string;
  trueConsumption: string;
  /** true − billed: positive to bill, negative to credit. */
  consumptionDifference: string;
  billed: PricedBill;
  corrected: PricedBill;
  /** corrected − billed, tax included: positive to bill, negative to credit. */
  differenceMinor: number;
  differenceBeforeTaxMinor: number;
  differenceTaxMinor: number;
};

/** The whole regularisation. */
export type Regularisation = {
  periods: RegularisedPeriod[];
  consumptionDifference: string;
  differenceMinor: number;
  differenceBeforeTaxMinor: number;
  differenceTaxMinor: number;
};

/**
 * Regularise estimated bills once a real reading arrives. The real consumption is spread over
 * the periods it covers in proportion to their days (to 3 decimals, adding up exactly), each
 * period is re-priced on its true share with its own dates, tariff versions and pro-rated
 * limits, and the difference to what its bill charged is billed or credited per period. The
 * catch-up is therefore priced where it was consumed: a too-low estimate never pushes the
 * last period into a higher tranche.
 *
 * Throws RangeError on an empty list, overlapping or unsorted periods, or a bad decimal.
 */
export function regulariseConsumption(input: RegulariseInput): Regularisation {
  const { periods } = input;
  if (periods.length === 0) throw new RangeError("No period to regularise");
  if (!isDecimal(input.realTotal, QUANTITY_DECIMALS) || input.realTotal.startsWith("-")) {
    throw new RangeError(`Real consumption must be a decimal ≥ 0: "${input.realTotal}"`);
  }
  const days = periods.map((p) => daysBetween(p.periodStart, p.periodEnd));
  periods.forEach((p, i) => {
    if (days[i]! <= 0) throw new RangeError(`Empty period ${p.periodStart} to ${p.periodEnd}`);
    const previous = periods[i - 1];
    if (previous && daysBetween(previous.periodEnd, p.periodStart) < 0) {
      throw new RangeError(`Period starting ${p.periodStart} overlaps or precedes the one before`);
    }
  });

  const shares = apportion(
    parseDecimal(input.realTotal),
    days.map((d) => BigInt(d)),
    QUANTITY_DECIMALS,
  );
  const result: RegularisedPeriod[] = periods.map((p, i) => {
    const common = { versions: input.versions, periodStart: p.periodStart, periodEnd: p.periodEnd };
    const calibre = p.calibre === undefined ? {} : { calibre: p.calibre };
    const trueConsumption = formatDecimal(shares[i]!);
    const billed = priceConsumption({ ...common, ...calibre, consumption: p.billedConsumption });
    const corrected = priceConsumption({ ...common, ...calibre, consumption: trueConsumption });
    return {
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      days: days[i]!,
      billedConsumption: p.billedConsumption,
      trueConsumption,
      consumptionDifference: formatDecimal(shares[i]! - parseDecimal(p.billedConsumption)),
      billed,
      corrected,
      differenceMinor: corrected.totalMinor - billed.totalMinor,
      differenceBeforeTaxMinor: corrected.totalBeforeTaxMinor - billed.totalBeforeTaxMinor,
      differenceTaxMinor: corrected.taxMinor - billed.taxMinor,
    };
  });

  const billedTotal = periods.reduce((s, p) => s + parseDecimal(p.billedConsumption), 0n);
  return {
    periods: result,
    consumptionDifference: formatDecimal(parseDecimal(input.realTotal) - billedTotal),
    differenceMinor: result.reduce((s, r) => s + r.differenceMinor, 0),
    differenceBeforeTaxMinor: result.reduce((s, r) => s + r.differenceBeforeTaxMinor, 0),
    differenceTaxMinor: result.reduce((s, r) => s + r.differenceTaxMinor, 0),
  };
}
