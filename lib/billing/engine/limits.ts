import { parseDecimal, scaleRounded, type Fixed } from "./decimal";
import type { TariffBlock } from "./types";

/** Tranche limits are written for a 30-day month. */
export const REFERENCE_DAYS = 30;

/** Decimals of quantities and pro-rated limits (watt-hours, litres). */
export const QUANTITY_DECIMALS = 3;

/** Lower (exclusive) and upper (inclusive) limit of a block, pro-rated; null: open. */
export interface Limits {
  readonly from: Fixed;
  readonly to: Fixed | null;
}

// A 30-day limit for a period of `days`: limit × days / 30, to the litre or watt-hour. Limits
// are not money, so they always round half-up whatever the tariff's money rounding.
export function prorate(limit: Fixed, days: number): Fixed {
  return scaleRounded(limit, BigInt(days), BigInt(REFERENCE_DAYS), QUANTITY_DECIMALS, "half_up");
}

/** Pro-rated limits of chained blocks or bands priced in turn. */
export function progressiveLimits(
  blocks: readonly { from: string; to: string | null }[],
  days: number,
): Limits[] {
  return blocks.map((b) => ({
    from: prorate(parseDecimal(b.from), days),
    to: b.to === null ? null : prorate(parseDecimal(b.to), days),
  }));
}

// Selective limits carry each block's tolerance, and each block starts where the previous
// one's widened limit ends (Morocco: 150, 210, 310, 510).
export function selectiveLimits(blocks: readonly TariffBlock[], days: number): Limits[] {
  let from = 0n;
  return blocks.map((b) => {
    const to =
      b.to === null
        ? null
        : prorate(parseDecimal(b.to) + parseDecimal(b.selectiveTolerance ?? "0"), days);
    const limits = { from, to };
    if (to !== null) from = to;
    return limits;
  });
}
