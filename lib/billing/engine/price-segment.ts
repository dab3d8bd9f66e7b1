import {
  formatDecimal,
  maxFixed,
  minFixed,
  ONE,
  parseDecimal,
  scaleRounded,
  type Fixed,
} from "./decimal";
import { lineAmounts, moneyColumns, vatRate, type RoundingContext } from "./line-amounts";
import { progressiveLimits, prorate, REFERENCE_DAYS, selectiveLimits } from "./limits";
import { minorDigits } from "./money";
import { statutoryTaxLines } from "./statutory-tax";
import type { PricedLine, PricingMode, TariffDefinition, TariffVersionInput } from "./types";

export { QUANTITY_DECIMALS, REFERENCE_DAYS } from "./limits";

/** The part of a period priced by one tariff version. */
export interface Segment {
  readonly version: TariffVersionInput;
  readonly start: string;
  readonly end: string;
  readonly days: number;
  readonly consumption: Fixed;
}

/** What pricing one segment gives. */
export interface SegmentResult {
  readonly lines: PricedLine[];
  readonly mode: PricingMode;
  readonly trancheReached: number;
}

function chooseMode(def: TariffDefinition, consumption: Fixed, days: number): PricingMode {
  switch (def.mode.kind) {
    case "progressive":
      return "progressive";
    case "selective":
      return "selective";
    case "progressive_up_to":
      return consumption <= prorate(parseDecimal(def.mode.limit), days)
        ? "progressive"
        : "selective";
  }
}

/** Price one segment: consumption blocks, surcharges, fixed charges, statutory taxes. */
export function priceSegment(segment: Segment, calibre: string | undefined): SegmentResult {
  const def = segment.version.definition;
  const ctx: RoundingContext = { digits: minorDigits(def.currency), mode: def.rounding };
  const { consumption: c, days } = segment;
  const where = {
    tariffVersionId: segment.version.id,
    periodStart: segment.start,
    periodEnd: segment.end,
    days,
  };
  const lines: PricedLine[] = [];

  // Validated grids end open; a stored one that does not must not bill the excess at nothing.
  const last = def.blocks.at(-1)!;
  if (last.to !== null && c > prorate(parseDecimal(last.to), days)) {
    throw new RangeError(`Tariff ${segment.version.code} has no block above ${last.to}`);
  }

  // Consumption.
  const mode = chooseMode(def, c, days);
  const consumptionRate = vatRate(def, "consumption");
  let trancheReached = 0;
  if (mode === "progressive") {
    progressiveLimits(def.blocks, days).forEach((limits, i) => {
      const upper = limits.to === null ? c : minFixed(c, limits.to);
      const qty = maxFixed(0n, upper - limits.from);
      if (qty === 0n) return;
      trancheReached = i + 1;
      const amounts = lineAmounts(
        parseDecimal(def.blocks[i]!.price),
        qty,
        ONE,
        def.priceBasis,
        consumptionRate,
        ctx,
      );
      lines.push({
        kind: "consumption",
        code: def.lineCode,
        block: i + 1,
        mode,
        quantity: formatDecimal(qty),
        unit: def.unit,
        ...moneyColumns(amounts, consumptionRate),
        ...where,
        blockFrom: formatDecimal(limits.from),
        blockTo: limits.to === null ? null : formatDecimal(limits.to),
      });
    });
  } else if (c > 0n) {
    const all = selectiveLimits(def.blocks, days);
    const i = all.findIndex((l) => l.to === null || c <= l.to);
    // A closed last block was refused above, so only an open block can be missed by rounding.
    const index = i === -1 ? all.length - 1 : i;
    const limits = all[index]!;
    trancheReached = index + 1;
    const amounts = lineAmounts(
      parseDecimal(def.blocks[index]!.price),
      c,
      ONE,
      def.priceBasis,
      consumptionRate,
      ctx,
    );
    lines.push({
      kind: "consumption",
      code: def.lineCode,
      block: index + 1,
      mode,
      quantity: formatDecimal(c),
      unit: def.unit,
      ...moneyColumns(amounts, consumptionRate),
      ...where,
      blockFrom: formatDecimal(limits.from),
      blockTo: limits.to === null ? null : formatDecimal(limits.to),
    });
  }

  // Per-unit surcharges, each on its own line.
  if (c > 0n) {
    for (const s of def.surcharges ?? []) {
      const rate = vatRate(def, "surcharge", s.vatRate);
      const amounts = lineAmounts(parseDecimal(s.perUnit), c, ONE, def.priceBasis, rate, ctx);
      lines.push({
        kind: "surcharge",
        code: s.code,
        quantity: formatDecimal(c),
        unit: def.unit,
        ...moneyColumns(amounts, rate),
        ...where,
      });
    }
  }

  // Fixed charges per 30-day month, pro-rated by days.
  for (const f of def.fixedCharges ?? []) {
    const key = calibre ?? f.defaultCalibre;
    const monthly = f.monthlyByCalibre[key];
    if (monthly === undefined) {
      throw new RangeError(
        `Tariff ${segment.version.code} has no ${f.code} price for calibre "${key}"`,
      );
    }
    const rate = vatRate(def, "fixed", f.vatRate);
    const basis = f.priceBasis ?? "before_tax";
    const amounts = lineAmounts(
      parseDecimal(monthly),
      BigInt(days),
      BigInt(REFERENCE_DAYS),
      basis,
      rate,
      ctx,
    );
    lines.push({
      kind: "fixed",
      code: f.code,
      quantity: formatDecimal(
        scaleRounded(ONE, BigInt(days), BigInt(REFERENCE_DAYS), 5, "half_up"),
      ),
      unit: "month",
      ...moneyColumns(amounts, rate),
      ...where,
    });
  }

  for (const t of def.statutoryTaxes ?? []) {
    lines.push(...statutoryTaxLines(def, t, c, days, ctx, where));
  }

  return { lines, mode, trancheReached };
}
