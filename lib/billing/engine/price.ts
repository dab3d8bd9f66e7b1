import { apportion, isDecimal, parseDecimal, type Fixed } from "./decimal";
import { daysBetween } from "./dates";
import { priceSegment, QUANTITY_DECIMALS, type Segment } from "./price-segment";
import type { PricedBill, PricedLine, PriceInput, TariffVersionInput } from "./types";

/**
 * The versions that price [start, end): the one in force on `start` and every one starting
 * inside the period, each with the days it covers. Throws RangeError when no version is in
 * force on `start` or two versions share a date.
 */
export function splitByVersion(
  versions: readonly TariffVersionInput[],
  start: string,
  end: string,
): { version: TariffVersionInput; start: string; end: string; days: number }[] {
  const sorted = [...versions].sort((a, b) => daysBetween(b.effectiveFrom, a.effectiveFrom));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.effectiveFrom === sorted[i - 1]!.effectiveFrom) {
      throw new RangeError(`Two tariff versions start on ${sorted[i]!.effectiveFrom}`);
    }
  }
  const inForce = sorted.filter((v) => daysBetween(v.effectiveFrom, start) >= 0).at(-1);
  if (!inForce) throw new RangeError(`No tariff version is in force on ${start}`);
  const later = sorted.filter(
    (v) => daysBetween(start, v.effectiveFrom) > 0 && daysBetween(v.effectiveFrom, end) > 0,
  );
  const chain = [inForce, ...later];
  return chain.map((version, i) => {
    const from = i === 0 ? start : version.effectiveFrom;
    const to = chain[i + 1]?.effectiveFrom ?? end;
    return { version, start: from, end: to, days: daysBetween(from, to) };
  });
}

/**
 * Price a consumption over a period under one tariff code.
 *
 * The period is [periodStart, periodEnd): the start day counts, the end day does not, so
 * days = periodEnd − periodStart and consecutive periods chain. Tranche limits, exemption
 * thresholds, caps and fixed charges are written for a 30-day month and pro-rated by
 * days / 30. A period across a tariff change is split at the new version's date; the
 * consumption is apportioned by days (to 3 decimals, the parts adding up exactly) and each part
 * is priced with its own version and limits. Each line is rounded once to minor units.
 *
 * Throws RangeError on input no bill can come from: an empty or reversed period, a consumption
 * that is not a non-negative decimal, no version in force, versions in different currencies or
 * units, a calibre the tariff has no price for.
 */
export function priceConsumption(input: PriceInput): PricedBill {
  const days = daysBetween(input.periodStart, input.periodEnd);
  if (days <= 0) {
    throw new RangeError(
      `Empty period: ${input.periodStart} to ${input.periodEnd} (end is exclusive)`,
    );
  }
  if (!isDecimal(input.consumption, QUANTITY_DECIMALS) || input.consumption.startsWith("-")) {
    throw new RangeError(
      `Consumption must be a decimal ≥ 0 with at most 3 decimals: "${input.consumption}"`,
    );
  }
  const consumption = parseDecimal(input.consumption);
  const parts = splitByVersion(input.versions, input.periodStart, input.periodEnd);
  const first = parts[0]!.version.definition;
  for (const { version } of parts) {
    if (version.definition.currency !== first.currency || version.definition.unit !== first.unit) {
      throw new RangeError(`Tariff versions of ${version.code} differ in currency or unit`);
    }
  }

  const shares: Fixed[] = apportion(
    consumption,
    parts.map((p) => BigInt(p.days)),
    QUANTITY_DECIMALS,
  );
  const lines: PricedLine[] = [];
  let mode: PricedBill["mode"] = "progressive";
  let trancheReached = 0;
  parts.forEach((part, i) => {
    const segment: Segment = { ...part, consumption: shares[i]! };
    const result = priceSegment(segment, input.calibre);
    lines.push(...result.lines);
    mode = result.mode;
    trancheReached = Math.max(trancheReached, result.trancheReached);
  });

  const totalBeforeTaxMinor = lines.reduce((s, l) => s + l.amountMinor, 0);
  const taxMinor = lines.reduce((s, l) => s + l.taxMinor, 0);
  return {
    currency: first.currency,
    unit: first.unit,
    lines,
    totalBeforeTaxMinor,
    taxMinor,
    totalMinor: totalBeforeTaxMinor + taxMinor,
    days,
    mode,
    trancheReached,
    versionIds: parts.map((p) => p.version.id),
  };
}
