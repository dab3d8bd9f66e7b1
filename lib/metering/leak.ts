/** How much a period must exceed the one before it to count as a sharp rise (30 %). */
export const SHARP_RISE = 1.3;

/**
 * A possible leak: water consumption per day rose sharply for two periods in a row. Periods are
 * oldest first, each with its consumption and its length in days (so a longer period is not
 * mistaken for a rise).
 */
export function suggestsLeak(
  periods: { consumption: number; days: number }[],
  factor = SHARP_RISE,
): boolean {
  const rates = periods.filter((p) => p.days > 0).map((p) => p.consumption / p.days);
  if (rates.length < 3) return false;
  const [a, b, c] = rates.slice(-3) as [number, number, number];
  return a > 0 && b > a * factor && c > b * factor;
}
