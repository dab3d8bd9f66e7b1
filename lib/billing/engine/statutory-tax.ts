import {
  formatDecimal,
  maxFixed,
  minFixed,
  ONE,
  parseDecimal,
  scaleRounded,
  type Fixed,
} from "./decimal";
import {
  lineAmounts,
  moneyColumns,
  splitTaxIncluded,
  vatRate,
  type RoundingContext,
} from "./line-amounts";
import { progressiveLimits, prorate, REFERENCE_DAYS } from "./limits";
import { fromMinor, toMinor } from "./money";
import type { PricedLine, StatutoryTax, TariffDefinition } from "./types";

/**
 * Lines of a statutory per-unit tax (Morocco's audiovisual tax): nothing at or under the
 * pro-rated exemption threshold, then each band in turn, then, when the bands add up to more
 * than the pro-rated cap, one negative line bringing the tax back to the cap.
 */
export function statutoryTaxLines(
  def: TariffDefinition,
  tax: StatutoryTax,
  c: Fixed,
  days: number,
  ctx: RoundingContext,
  where: Pick<PricedLine, "tariffVersionId" | "periodStart" | "periodEnd" | "days">,
): PricedLine[] {
  if (c === 0n) return [];
  if (tax.exemptUpTo !== undefined && c <= prorate(parseDecimal(tax.exemptUpTo), days)) return [];
  const rate = vatRate(def, "statutory_tax", tax.vatRate);
  const basis = tax.priceBasis ?? "before_tax";
  const lines: PricedLine[] = [];
  progressiveLimits(tax.bands, days).forEach((limits, i) => {
    const upper = limits.to === null ? c : minFixed(c, limits.to);
    const qty = maxFixed(0n, upper - limits.from);
    if (qty === 0n) return;
    const amounts = lineAmounts(parseDecimal(tax.bands[i]!.rate), qty, ONE, basis, rate, ctx);
    lines.push({
      kind: "statutory_tax",
      code: tax.code,
      block: i + 1,
      quantity: formatDecimal(qty),
      unit: def.unit,
      ...moneyColumns(amounts, rate),
      ...where,
      blockFrom: formatDecimal(limits.from),
      blockTo: limits.to === null ? null : formatDecimal(limits.to),
    });
  });
  if (tax.capPerMonth === undefined) return lines;

  // The cap is per 30 days like the bands, and applies to what the tax is defined in: the
  // tax-included amounts for a tax-included tax, the pre-tax ones otherwise.
  const cap = parseDecimal(tax.capPerMonth);
  const capMinor = toMinor(
    scaleRounded(cap, BigInt(days), BigInt(REFERENCE_DAYS), ctx.digits, ctx.mode),
    ctx.digits,
    ctx.mode,
  );
  const key = basis === "tax_included" ? "totalMinor" : "amountMinor";
  const charged = lines.reduce((sum, l) => sum + l[key], 0);
  if (charged <= capMinor) return lines;
  const excess = capMinor - charged;
  let adjustment: { amountMinor: number; taxMinor: number };
  if (basis === "tax_included") {
    adjustment = splitTaxIncluded(excess, rate, ctx);
  } else {
    const t = lineAmounts(fromMinor(excess, ctx.digits), 1n, 1n, "before_tax", rate, ctx);
    adjustment = { amountMinor: t.amountMinor, taxMinor: t.taxMinor };
  }
  lines.push({
    kind: "statutory_tax",
    code: `${tax.code}_cap`,
    quantity: "1",
    unit: "month",
    unitPrice: formatDecimal(fromMinor(adjustment.amountMinor, ctx.digits), undefined, 2),
    amountMinor: adjustment.amountMinor,
    taxRate: formatDecimal(rate, undefined, 2),
    taxMinor: adjustment.taxMinor,
    totalMinor: adjustment.amountMinor + adjustment.taxMinor,
    ...where,
    capped: true,
  });
  return lines;
}
