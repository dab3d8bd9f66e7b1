import { describe, expect, it } from "vitest";
import { monthlyConsumption } from "./monthly";

const r = (iso: string, consumption: number | null, status = "accepted") => ({
  readAt: new Date(iso),
  consumption,
  status,
});

describe("monthly consumption", () => {
  it("sums registers per month, oldest first, in the utility's time zone", () => {
    const rows = [
      r("2026-02-05T09:00:00Z", 100),
      r("2026-02-05T09:00:00Z", 40),
      r("2026-01-31T23:30:00Z", 90),
      r("2026-03-05T09:00:00Z", 120),
    ];
    // 23:30 UTC on 31 January is already February in Casablanca (UTC+1).
    expect(monthlyConsumption(rows, "Africa/Casablanca")).toEqual([
      { month: "2026-02", value: 230, lastYear: null },
      { month: "2026-03", value: 120, lastYear: null },
    ]);
  });

  it("leaves out readings that are not accepted or have no consumption, and keeps the last months", () => {
    const rows = [
      r("2025-03-05T09:00:00Z", 80),
      r("2026-03-05T09:00:00Z", 120),
      r("2026-04-05T09:00:00Z", 999, "review"),
      r("2026-05-05T09:00:00Z", null),
    ];
    expect(monthlyConsumption(rows, "UTC", 1)).toEqual([
      { month: "2026-03", value: 120, lastYear: 80 },
    ]);
  });
});
