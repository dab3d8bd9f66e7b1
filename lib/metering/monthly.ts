/**
 * Consumption per month from a register history (newest or oldest first, any order): the
 * consumption of each accepted reading is counted in the month it was read, registers summed.
 * Returns the last `months` months that have a figure, oldest first, each with the figure of
 * the same month a year earlier when the history reaches back that far.
 */
export function monthlyConsumption(
  readings: { readAt: Date; consumption: number | null; status: string }[],
  timeZone: string,
  months = 12,
): { month: string; value: number; lastYear: number | null }[] {
  const key = (d: Date) =>
    new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", timeZone }).format(d);
  const totals = new Map<string, number>();
  for (const r of readings) {
    if (r.status !== "accepted" || r.consumption === null) continue;
    const k = key(r.readAt);
    totals.set(k, (totals.get(k) ?? 0) + r.consumption);
  }
  const sorted = [...totals.keys()].sort();
  return sorted.slice(-months).map((month) => {
    const [y, m] = month.split("-");
    const previous = `${Number(y) - 1}-${m}`;
    return { month, value: totals.get(month)!, lastYear: totals.get(previous) ?? null };
  });
}
