import {
  divideFixed,
  formatDecimal,
  multiply,
  ONE,
  parseDecimal,
  roundFixed,
  scaleRounded,
  type Fixed,
  type RoundingMode,
} from "./decimal";
import { fromMinor, toMinor } from "./money";
import type { PricedLine, PriceBasis, TariffDefinition } from "./types";

/** Decimals of a unit price, as the utility's bills print them. */
export const PRICE_DECIMALS = 5;

/** Rounding settings of one tariff version. */
export interface RoundingContext {
  readonly digits: number;
  readonly mode: RoundingMode;
}

/** The money columns of one line. */
export interface LineAmounts {
  unitPrice: Fixed;
  unitPriceTaxIncluded?: Fixed;
  amountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/**
 * Amounts of a line priced `price × num / den` (units × price, or monthly price × days / 30).
 *
 * before_tax: amount = price × quantity rounded once; tax = amount × rate rounded once (tax on
 * the line's pre-tax amount, never on price × quantity with tax).
 *
 * tax_included: the tax-included price is what the regulator holds constant, so the customer
 * pays quantity × that price rounded once, whatever the VAT; the pre-tax unit price is derived
 * with 5 decimals and gives the pre-tax amount; the tax is the difference, which equals the
 * pre-tax amount × rate to within a minor unit.
 */
export function lineAmounts(
  price: Fixed,
  num: bigint,
  den: bigint,
  basis: PriceBasis,
  rate: Fixed,
  ctx: RoundingContext,
): LineAmounts {
  if (basis === "before_tax") {
    const amount = scaleRounded(price, num, den, ctx.digits, ctx.mode);
    const tax = roundFixed(multiply(amount, rate), ctx.digits, ctx.mode);
    const amountMinor = toMinor(amount, ctx.digits, ctx.mode);
    const taxMinor = toMinor(tax, ctx.digits, ctx.mode);
    return { unitPrice: price, amountMinor, taxMinor, totalMinor: amountMinor + taxMinor };
  }
  const unitPrice = divideFixed(price, ONE + rate, PRICE_DECIMALS, ctx.mode);
  const amountMinor = toMinor(
    scaleRounded(unitPrice, num, den, ctx.digits, ctx.mode),
    ctx.digits,
    ctx.mode,
  );
  const totalMinor = toMinor(
    scaleRounded(price, num, den, ctx.digits, ctx.mode),
    ctx.digits,
    ctx.mode,
  );
  return {
    unitPrice,
    unitPriceTaxIncluded: price,
    amountMinor,
    taxMinor: totalMinor - amountMinor,
    totalMinor,
  };
}

/**
 * Split a tax-included amount (a cap adjustment) into pre-tax and tax, the pre-tax part
 * rounded once and the tax taking the rest.
 */
export function splitTaxIncluded(
  totalMinor: number,
  rate: Fixed,
  ctx: RoundingContext,
): { amountMinor: number; taxMinor: number } {
  const total = fromMinor(totalMinor, ctx.digits);
  const amountMinor = toMinor(
    divideFixed(total, ONE + rate, ctx.digits, ctx.mode),
    ctx.digits,
    ctx.mode,
  );
  return { amountMinor, taxMinor: totalMinor - amountMinor };
}

/** The VAT rate of a line: its own override, its line type's rate, or the consumption rate. */
export function vatRate(def: TariffDefinition, kind: PricedLine["kind"], override?: string): Fixed {
  if (override !== undefined) return parseDecimal(override);
  const byKind = kind === "consumption" ? undefined : def.vat[kind];
  return parseDecimal(byKind ?? def.vat.consumption);
}

/** The money columns of a PricedLine, prices and rates written with at least 2 decimals. */
export function moneyColumns(a: LineAmounts, rate: Fixed) {
  return {
    unitPrice: formatDecimal(a.unitPrice, undefined, 2),
    ...(a.unitPriceTaxIncluded === undefined
      ? {}
      : { unitPriceTaxIncluded: formatDecimal(a.unitPriceTaxIncluded, undefined, 2) }),
    amountMinor: a.amountMinor,
    taxRate: formatDecimal(rate, undefined, 2),
    taxMinor: a.taxMinor,
    totalMinor: a.totalMinor,
  };
}
