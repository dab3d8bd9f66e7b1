/**
 * Exact decimal arithmetic for the tariff engine. A `Fixed` is a bigint holding the value times
 * 10^12: enough for a 3-decimal quantity times a 5-decimal price without loss, so the only
 * roundings are the ones the tariff rules ask for, each done once and on purpose.
 */

/** How halves are rounded. half_up rounds halves away from zero, so a credit mirrors a debit. */
export type RoundingMode = "half_up" | "half_even";

/** A decimal value scaled by 10^SCALE. */
export type Fixed = bigint;

/** Decimal places held by a Fixed. */
export const SCALE = 12;

/** The Fixed value of 1. */
export const ONE: Fixed = 10n ** BigInt(SCALE);

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/**
 * The integer quotient n / d rounded by `mode`. d must not be zero; signs may be anything.
 */
export function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d === 0n) throw new RangeError("Division by zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / d;
  const twice = (a % d) * 2n;
  if (twice > d || (twice === d && (mode === "half_up" || q % 2n === 1n))) q += 1n;
  return negative ? -q : q;
}

/** Parse a decimal string ("12", "0.90100", "-3.5") exactly; throws RangeError on anything else. */
export function parseDecimal(value: string): Fixed {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new RangeError(`Not a decimal number: "${value}"`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > SCALE) throw new RangeError(`More than ${SCALE} decimals: "${value}"`);
  const magnitude = BigInt(whole!) * ONE + BigInt(fraction.padEnd(SCALE, "0") || "0");
  return sign ? -magnitude : magnitude;
}

/** Whether `value` is a decimal string with at most `maxDecimals` decimals. */
export function isDecimal(value: string, maxDecimals = SCALE): boolean {
  const match = DECIMAL.exec(value);
  return match !== null && (match[3] ?? "").length <= maxDecimals;
}

/** The number of decimals written in a decimal string ("0.9010" → 4). */
export function decimalsOf(value: string): number {
  return DECIMAL.exec(value)?.[3]?.length ?? 0;
}

/** Round to `decimals` places (still a Fixed). */
export function roundFixed(value: Fixed, decimals: number, mode: RoundingMode): Fixed {
  const step = pow10(SCALE - decimals);
  return divideRounded(value, step, mode) * step;
}

/** a × b, exact whenever the two operands' decimals add up to at most SCALE. */
export function multiply(a: Fixed, b: Fixed, mode: RoundingMode = "half_up"): Fixed {
  return divideRounded(a * b, ONE, mode);
}

/** a × num / den rounded once to `decimals` places: pro-rating by days without double rounding. */
export function scaleRounded(
  a: Fixed,
  num: bigint,
  den: bigint,
  decimals: number,
  mode: RoundingMode,
): Fixed {
  const step = pow10(SCALE - decimals);
  return divideRounded(a * num, den * step, mode) * step;
}

/** a / b rounded once to `decimals` places. */
export function divideFixed(a: Fixed, b: Fixed, decimals: number, mode: RoundingMode): Fixed {
  return scaleRounded(a, ONE, b, decimals, mode);
}

/**
 * Write a Fixed with exactly `decimals` places (rounded half-up if it has more), or, when
 * `decimals` is omitted, with as many as it needs but at least `minDecimals` ("150",
 * "103.333", "0.75083"; "0.20" with minDecimals 2).
 */
export function formatDecimal(value: Fixed, decimals?: number, minDecimals = 0): string {
  const rounded = decimals === undefined ? value : roundFixed(value, decimals, "half_up");
  const negative = rounded < 0n;
  const magnitude = negative ? -rounded : rounded;
  const whole = (magnitude / ONE).toString();
  let fraction = (magnitude % ONE).toString().padStart(SCALE, "0");
  fraction =
    decimals === undefined
      ? fraction.replace(/0+$/, "").padEnd(minDecimals, "0")
      : fraction.slice(0, decimals);
  const sign = negative && magnitude !== 0n ? "-" : "";
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** The smaller of two Fixed values. */
export function minFixed(a: Fixed, b: Fixed): Fixed {
  return a < b ? a : b;
}

/** The larger of two Fixed values. */
export function maxFixed(a: Fixed, b: Fixed): Fixed {
  return a > b ? a : b;
}

/**
 * Split `total` (≥ 0) into parts proportional to `weights`, each with `decimals` places, by the
 * largest-remainder method: the parts add up to `total` exactly and none is negative, which
 * rounding each share on its own cannot promise.
 */
export function apportion(total: Fixed, weights: readonly bigint[], decimals: number): Fixed[] {
  const step = pow10(SCALE - decimals);
  const units = total / step;
  if (units * step !== total) throw new RangeError(`Total has more than ${decimals} decimals`);
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum <= 0n || weights.some((w) => w < 0n)) throw new RangeError("Weights must be positive");
  const floors = weights.map((w) => (units * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: units * w - floors[i]! * sum }));
  let left = units - floors.reduce((s, f) => s + f, 0n);
  // Largest remainder first; ties go to the later part (the most recent period).
  remainders.sort((x, y) => (x.r === y.r ? y.i - x.i : x.r > y.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i] = floors[i]! + 1n;
    left -= 1n;
  }
  return floors.map((f) => f * step);
}
