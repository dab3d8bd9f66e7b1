import { describe, expect, it } from "vitest";
import { priceConsumption } from "./price";
import { regulariseConsumption } from "./regularise";
import { catalogVersions } from "./test-support";

const MA_ELEC = catalogVersions("MA-ELEC-RES");

// January (31 days), February (28) and March (31) 2026 billed on 50 kWh estimates; the real
// reading on 1 April shows 540 kWh over the 90 days.
const QUARTER = [
  { periodStart: "2026-01-01", periodEnd: "2026-02-01", billedConsumption: "50" },
  { periodStart: "2026-02-01", periodEnd: "2026-03-01", billedConsumption: "50" },
  { periodStart: "2026-03-01", periodEnd: "2026-04-01", billedConsumption: "50" },
];

describe("regulariseConsumption", () => {
  const result = regulariseConsumption({ versions: MA_ELEC, periods: QUARTER, realTotal: "540" });

  it("spreads the real consumption over the periods by days", () => {
    // 540 × 31/90 = 186, × 28/90 = 168, × 31/90 = 186
    expect(result.periods.map((p) => [p.days, p.trueConsumption, p.consumptionDifference])).toEqual(
      [
        [31, "186", "136"],
        [28, "168", "118"],
        [31, "186", "136"],
      ],
    );
    expect(result.consumptionDifference).toBe("390");
  });

  it("keeps each period in the tranche its true consumption reaches, not a higher one", () => {
    // 186 kWh in 31 days: above 155 (150 × 31/30), below 217 (210 × 31/30): tranche 3.
    // 168 in 28 days: above 140, below 196: tranche 3.
    expect(result.periods.map((p) => p.corrected.trancheReached)).toEqual([3, 3, 3]);
    // Billing the whole catch-up (540 − 100 = 440 kWh) with March would reach tranche 5.
    const naive = priceConsumption({
      versions: MA_ELEC,
      periodStart: "2026-03-01",
      periodEnd: "2026-04-01",
      consumption: "440",
    });
    expect(naive.trancheReached).toBe(5);
    const naiveCatchUp = naive.totalMinor - result.periods[2]!.billed.totalMinor;
    expect(result.differenceMinor).toBeLessThan(naiveCatchUp);
  });

  it("bills per period the difference between the true and the estimated bill", () => {
    for (const p of result.periods) {
      expect(p.differenceMinor).toBe(p.corrected.totalMinor - p.billed.totalMinor);
      expect(p.differenceBeforeTaxMinor + p.differenceTaxMinor).toBe(p.differenceMinor);
    }
    // January, by hand: 186 × 1.0732 = 199.6152 → 199.62 energy; audiovisual
    // 103.333 × 0.10 + 82.667 × 0.15 = 10.33 + 12.40 = 22.73 (bands pro-rated to 31 days);
    // the estimate paid 50 × 0.9010 = 45.05 and no audiovisual tax (50 ≤ 51.667 exempt).
    // The fixed charge is the same in both: 199.62 + 22.73 − 45.05 = 177.30.
    expect(result.periods[0]!.differenceMinor).toBe(17730);
    expect(result.differenceMinor).toBe(result.periods.reduce((s, p) => s + p.differenceMinor, 0));
  });

  it("credits periods whose estimate was too high", () => {
    const credit = regulariseConsumption({
      versions: MA_ELEC,
      periods: QUARTER.map((p) => ({ ...p, billedConsumption: "200" })),
      realTotal: "300",
    });
    // 300 × 31/90 = 103.3333, × 28/90 = 93.3333: the spare watt-hour goes to the latest period.
    expect(credit.periods.map((p) => p.trueConsumption)).toEqual(["103.333", "93.333", "103.334"]);
    expect(credit.periods.every((p) => p.differenceMinor < 0)).toBe(true);
    expect(credit.consumptionDifference).toBe("-300");
  });

  it("re-prices each period with the tariff version of its own dates", () => {
    const across = regulariseConsumption({
      versions: MA_ELEC,
      periods: [
        { periodStart: "2025-12-01", periodEnd: "2026-01-01", billedConsumption: "100" },
        { periodStart: "2026-01-01", periodEnd: "2026-02-01", billedConsumption: "100" },
      ],
      realTotal: "200",
    });
    expect(across.periods.map((p) => p.corrected.versionIds)).toEqual([
      ["MA-ELEC-RES@2025-01-01"],
      ["MA-ELEC-RES@2026-01-01"],
    ]);
    expect(across.differenceMinor).toBe(0);
  });

  it("refuses overlapping periods and an empty list", () => {
    expect(() =>
      regulariseConsumption({
        versions: MA_ELEC,
        periods: [QUARTER[1]!, QUARTER[0]!],
        realTotal: "100",
      }),
    ).toThrow(RangeError);
    expect(() => regulariseConsumption({ versions: MA_ELEC, periods: [], realTotal: "1" })).toThrow(
      RangeError,
    );
  });
});
