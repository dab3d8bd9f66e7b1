/**
 * "What changed since the previous bill": the reasons a customer's amount moved, as codes with
 * values that the bill page and the PDF turn into sentences in the customer's language.
 */
export type BillFacts = {
  days: number;
  consumption: number;
  totalMinor: number;
  estimated: boolean;
  /** Per tariff code: the tranche reached and the mode. */
  tranches: Record<string, { tranche: number; mode: string }>;
  /** The tariff versions that priced the bill. */
  versionIds: string[];
  /** Distinct VAT rates on its lines, e.g. ["0.18"]. */
  taxRates: string[];
  regularised: boolean;
};

export type Change =
  | { code: "days"; days: number; previousDays: number }
  | { code: "consumption"; percent: number; direction: "up" | "down" }
  | { code: "now_actual" }
  | { code: "now_estimated" }
  | { code: "tranche"; tariff: string; tranche: number; previousTranche: number; mode: string }
  | { code: "tariff_changed" }
  | { code: "tax_changed"; rate: string; previousRate: string }
  | { code: "regularisation" };

/** Consumption moves under this share are noise, not news. */
const CONSUMPTION_THRESHOLD = 0.1;

export function explainChanges(current: BillFacts, previous: BillFacts | null): Change[] {
  const changes: Change[] = [];
  if (current.regularised) changes.push({ code: "regularisation" });
  if (!previous) return changes;
  if (current.days !== previous.days)
    changes.push({ code: "days", days: current.days, previousDays: previous.days });
  if (previous.consumption > 0) {
    const ratio = (current.consumption - previous.consumption) / previous.consumption;
    if (Math.abs(ratio) >= CONSUMPTION_THRESHOLD)
      changes.push({
        code: "consumption",
        percent: Math.round(Math.abs(ratio) * 100),
        direction: ratio > 0 ? "up" : "down",
      });
  }
  if (previous.estimated && !current.estimated) changes.push({ code: "now_actual" });
  if (!previous.estimated && current.estimated) changes.push({ code: "now_estimated" });
  for (const [tariff, now] of Object.entries(current.tranches)) {
    const before = previous.tranches[tariff];
    if (before && before.tranche !== now.tranche)
      changes.push({
        code: "tranche",
        tariff,
        tranche: now.tranche,
        previousTranche: before.tranche,
        mode: now.mode,
      });
  }
  const sameVersions =
    current.versionIds.length === previous.versionIds.length &&
    current.versionIds.every((v) => previous.versionIds.includes(v));
  if (!sameVersions) changes.push({ code: "tariff_changed" });
  const rate = current.taxRates
    .filter((r) => Number(r) > 0)
    .sort()
    .at(-1);
  const previousRate = previous.taxRates
    .filter((r) => Number(r) > 0)
    .sort()
    .at(-1);
  if (rate && previousRate && rate !== previousRate)
    changes.push({ code: "tax_changed", rate, previousRate });
  return changes;
}
