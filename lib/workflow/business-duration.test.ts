import { describe, expect, it } from "vitest";
import { splitBusinessMinutes, workdayMinutes } from "./business-duration";

describe("business durations", () => {
  it.each([
    [30, { days: 0, hours: 0, minutes: 30 }],
    [60, { days: 0, hours: 1, minutes: 0 }],
    [480, { days: 1, hours: 0, minutes: 0 }],
    [2400, { days: 5, hours: 0, minutes: 0 }],
    [1000, { days: 2, hours: 0, minutes: 40 }],
    [525_600, { days: 1095, hours: 0, minutes: 0 }],
  ])("splits %i minutes of 8-hour days", (minutes, expected) => {
    expect(splitBusinessMinutes(minutes, 480)).toEqual(expected);
  });

  it("counts only hours when the calendar never opens", () => {
    expect(splitBusinessMinutes(600, 0)).toEqual({ days: 0, hours: 10, minutes: 0 });
  });

  it("measures a regular opening day", () => {
    expect(workdayMinutes("08:30", "16:30")).toBe(480);
    expect(workdayMinutes("09:00", "15:00")).toBe(360);
    expect(workdayMinutes("16:00", "08:00")).toBe(0);
  });
});
