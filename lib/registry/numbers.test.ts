import { describe, expect, it } from "vitest";
import { yearInZone } from "@/lib/workflow/numbering";
import { formatRegistryNumber } from "./numbers";

describe("formatRegistryNumber", () => {
  it.each([
    ["ARR-{year}-{seq:6}", 2026, 123, "ARR-2026-000123"],
    ["DEP-{year}-{seq:6}", 2026, 45, "DEP-2026-000045"],
    ["BO/{year}/{seq:4}", 2027, 1, "BO/2027/0001"],
    ["ARR-{year}-{seq:3}", 2026, 12345, "ARR-2026-12345"],
    ["A{seq:2}.{year}", 2026, 7, "A07.2026"],
  ])("formats %s for %i #%i as %s", (format, year, seq, expected) => {
    expect(formatRegistryNumber(format, year, seq)).toBe(expected);
  });
});

describe("yearInZone", () => {
  it("counts 31 December 23:30 UTC as the next year in Casablanca (UTC+1)", () => {
    expect(yearInZone(new Date("2026-12-31T23:30:00Z"), "Africa/Casablanca")).toBe(2027);
    expect(yearInZone(new Date("2026-12-31T23:30:00Z"), "UTC")).toBe(2026);
  });
});
