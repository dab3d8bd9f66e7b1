import {
  divideRounded,
  formatDecimal,
  isDecimal,
  parseDecimal,
  roundFixed,
  SCALE,
  type Fixed,
  type RoundingMode,
} from "./decimal";

/**
 * Money in integer minor units (centimes, fils, halalas). The engine computes in exact decimals
 * and converts each line to minor units once; these helpers do the conversions both ways.
 */

/** Minor-unit digits per currency; anything not listed has 2. */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  MAD: 2,
  AED: 2,
  SAR: 2,
  KWD: 3,
  BHD: 3,
  OMR: 3,
};

/** Decimal digits of the minor unit of `currency` (2 for MAD, AED, SAR; 3 for KWD, BHD, OMR). */
export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Amount out of range: ${value}`);
  return n;
}

/** An exact decimal amount rounded once to whole minor units. */
export function toMinor(amount: Fixed, digits: number, mode: RoundingMode): number {
  return toSafeNumber(divideRounded(amount, 10n ** BigInt(SCALE - digits), mode));
}

/** Minor units back to an exact decimal amount. */
export function fromMinor(minor: number, digits: number): Fixed {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not a whole minor amount: ${minor}`);
  return BigInt(minor) * 10n ** BigInt(SCALE - digits);
}

/** 41336 MAD → "413.36"; -500 → "-5.00"; 1234 KWD → "1.234". No grouping, no symbol. */
export function formatMinor(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return formatDecimal(fromMinor(minor, digits), digits);
}

/**
 * "413.36" MAD → 41336. Refuses more decimals than the currency has rather than rounding what
 * a person typed.
 */
export function parseMinor(value: string, currency: string): number {
  const digits = minorDigits(currency);
  const trimmed = value.trim();
  if (!isDecimal(trimmed, digits)) {
    throw new RangeError(
      `Not an amount in ${currency} with at most ${digits} decimals: "${value}"`,
    );
  }
  return toMinor(parseDecimal(trimmed), digits, "half_up");
}

/** Round a decimal string to `decimals` places, halves away from zero: "0.125" → "0.13". */
export function roundHalfUp(value: string, decimals: number): string {
  return formatDecimal(roundFixed(parseDecimal(value), decimals, "half_up"), decimals);
}

/** Round a decimal string to `decimals` places, halves to even: "0.125" → "0.12". */
export function roundHalfEven(value: string, decimals: number): string {
  return formatDecimal(roundFixed(parseDecimal(value), decimals, "half_even"), decimals);
}
