import { describe, expect, it } from "vitest";
import { estimateConsumption, type EstimateInput } from "./estimate";

describe("estimateConsumption", () => {
  it.each<[string, EstimateInput, ReturnType<typeof estimateConsumption>]>([
    [
      "averages the last two real periods by day and pro-rates to the period (540 / 60 × 31)",
      {
        lastRealPeriods: [
          { days: 30, consumption: "240" },
          { days: 30, consumption: "300" },
        ],
        days: 31,
      },
      { consumption: "279", basis: "average_last_two" },
    ],
    [
      "uses only the last two of several periods ((300 + 330) / 61 × 30 = 309.8 → 310)",
      {
        lastRealPeriods: [
          { days: 30, consumption: "900" },
          { days: 30, consumption: "300" },
          { days: 31, consumption: "330" },
        ],
        days: 30,
      },
      { consumption: "310", basis: "average_last_two" },
    ],
    [
      "falls back on the same period last year pro-rated (310 / 31 × 30)",
      {
        lastRealPeriods: [{ days: 30, consumption: "240" }],
        sameMonthLastYear: { days: 31, consumption: "310" },
        days: 30,
      },
      { consumption: "300", basis: "same_period_last_year" },
    ],
    [
      "estimates nothing without history",
      { lastRealPeriods: [], days: 30 },
      { consumption: "0", basis: "none" },
    ],
    [
      "keeps decimals when asked (m³ to the litre: 25 / 60 × 31 = 12.917)",
      {
        lastRealPeriods: [
          { days: 30, consumption: "12" },
          { days: 30, consumption: "13" },
        ],
        days: 31,
        decimals: 3,
      },
      { consumption: "12.917", basis: "average_last_two" },
    ],
  ])("%s", (_, input, expected) => {
    expect(estimateConsumption(input)).toEqual(expected);
  });

  it("refuses a period of no days", () => {
    expect(() => estimateConsumption({ lastRealPeriods: [], days: 0 })).toThrow(RangeError);
  });
});
