import { describe, expect, it } from "vitest";
import { addDays, addMonths, cycleOf, daysBetween, isIsoDate, localDate } from "./dates";

describe("billing dates", () => {
  it("counts days start inclusive, end exclusive, across a DST change", () => {
    expect(daysBetween("2026-10-05", "2026-11-05")).toBe(31);
    expect(daysBetween("2026-03-05", "2026-04-05")).toBe(31);
    expect(daysBetween("2026-02-05", "2026-03-05")).toBe(28);
  });
  it("adds days and months, clamping to the month's end", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-05", -11)).toBe("2025-12-05");
  });
  it("finds a date's cycle and an instant's local date", () => {
    expect(cycleOf("2026-11-17")).toBe("2026-11-01");
    expect(localDate(new Date("2026-11-04T23:30:00Z"), "Africa/Casablanca")).toBe("2026-11-05");
    expect(localDate(new Date("2026-11-04T23:30:00Z"), "UTC")).toBe("2026-11-04");
  });
  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("26-11-05")).toBe(false);
  });
});
