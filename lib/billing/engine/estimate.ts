import { isDecimal, parseDecimal, scaleRounded, formatDecimal } from "./decimal";

/** A period and what was consumed in it. */
export type ConsumptionPeriod = { days: number; consumption: string };

/** Input of estimateConsumption. */
export type EstimateInput = {
  /** Periods between real readings, oldest first; the last two are used. */
  lastRealPeriods: ConsumptionPeriod[];
  /** The same period a year earlier, when known. */
  sameMonthLastYear?: ConsumptionPeriod;
  /** Days of the period to estimate. */
  days: number;
  /** Decimals of the estimate; 0 (whole units, as meters show) unless told. */
  decimals?: number;
};

/** What estimateConsumption returns, with the basis the bill must state. */
export type Estimate = {
  consumption: string;
  basis: "average_last_two" | "same_period_last_year" | "none";
};

function usable(p: ConsumptionPeriod | undefined): p is ConsumptionPeriod {
  return (
    p !== undefined &&
    Number.isInteger(p.days) &&
    p.days > 0 &&
    isDecimal(p.consumption) &&
    !p.consumption.startsWith("-")
  );
}

/**
 * Estimate a period's consumption when no real reading is available: the daily rate of the
 * last two real periods together (total consumption over total days, so a long period weighs
 * more) times `days`; failing that, the daily rate of the same period last year times `days`;
 * failing that, 0. Rounded half-up to `decimals`.
 */
export function estimateConsumption(input: EstimateInput): Estimate {
  if (!Number.isInteger(input.days) || input.days <= 0) {
    throw new RangeError(`Days must be a whole number > 0: ${input.days}`);
  }
  const decimals = input.decimals ?? 0;
  const rated = (consumption: bigint, days: number) =>
    formatDecimal(
      scaleRounded(consumption, BigInt(input.days), BigInt(days), decimals, "half_up"),
      decimals,
    );

  const lastTwo = input.lastRealPeriods.slice(-2);
  if (lastTwo.length === 2 && lastTwo.every(usable)) {
    const consumption = lastTwo.reduce((s, p) => s + parseDecimal(p.consumption), 0n);
    const days = lastTwo.reduce((s, p) => s + p.days, 0);
    return { consumption: rated(consumption, days), basis: "average_last_two" };
  }
  const lastYear = input.sameMonthLastYear;
  if (usable(lastYear)) {
    return {
      consumption: rated(parseDecimal(lastYear.consumption), lastYear.days),
      basis: "same_period_last_year",
    };
  }
  return { consumption: formatDecimal(0n, decimals), basis: "none" };
}
