import { describe, expect, it } from "vitest";
import {
  daysBetween,
  isInWindow,
  localDate,
  nextWindow,
  readingWindow,
  type ReadingWindowConfig,
} from "./reading-window";

describe("readingWindow", () => {
  it.each<[string, string, ReadingWindowConfig | undefined, string, string]>([
    [
      "opens 3 days before and closes 2 after by default",
      "2024-04-15",
      undefined,
      "2024-04-12",
      "2024-04-17",
    ],
    [
      "counts back across 29 February in a leap year",
      "2024-03-01",
      undefined,
      "2024-02-27",
      "2024-03-03",
    ],
    [
      "counts back across 28 February in a common year",
      "2023-03-01",
      undefined,
      "2023-02-26",
      "2023-03-03",
    ],
    [
      "counts forward across 29 February in a leap year",
      "2024-02-28",
      undefined,
      "2024-02-25",
      "2024-03-01",
    ],
    [
      "counts forward across 28 February in a common year",
      "2023-02-28",
      undefined,
      "2023-02-25",
      "2023-03-02",
    ],
    ["spans the new year going forward", "2024-12-31", undefined, "2024-12-28", "2025-01-02"],
    ["spans the new year going back", "2025-01-01", undefined, "2024-12-29", "2025-01-03"],
    [
      "is the scheduled day alone when both settings are 0",
      "2024-04-15",
      { daysBefore: 0, daysAfter: 0 },
      "2024-04-15",
      "2024-04-15",
    ],
    [
      "follows a route's wider setting",
      "2024-04-15",
      { daysBefore: 7, daysAfter: 5 },
      "2024-04-08",
      "2024-04-20",
    ],
  ])("%s", (_case, scheduled, config, opens, closes) => {
    expect(readingWindow(scheduled, config)).toEqual({ opens, closes });
  });

  it.each([
    ["29 February of a common year", "2023-02-29"],
    ["a thirteenth month", "2024-13-01"],
    ["a day-first date", "15/04/2024"],
    ["an unpadded month", "2024-4-15"],
    ["an empty string", ""],
  ])("throws on %s instead of guessing", (_case, date) => {
    expect(() => readingWindow(date)).toThrow(RangeError);
  });

  it.each<[string, ReadingWindowConfig]>([
    ["negative days before", { daysBefore: -1, daysAfter: 2 }],
    ["fractional days after", { daysBefore: 3, daysAfter: 1.5 }],
  ])("throws on a configuration with %s", (_case, config) => {
    expect(() => readingWindow("2024-04-15", config)).toThrow(RangeError);
  });
});

describe("isInWindow", () => {
  const april = readingWindow("2024-04-15");
  const leap = readingWindow("2024-03-01");

  it.each<[string, string, typeof april, boolean]>([
    ["the day before it opens is outside", "2024-04-11", april, false],
    ["the first day is inside", "2024-04-12", april, true],
    ["the scheduled day is inside", "2024-04-15", april, true],
    ["the last day is inside", "2024-04-17", april, true],
    ["the day after it closes is outside", "2024-04-18", april, false],
    ["29 February is inside a window around 1 March", "2024-02-29", leap, true],
    ["26 February is outside a window opening on the 27th", "2024-02-26", leap, false],
  ])("%s", (_case, date, window, expected) => {
    expect(isInWindow(date, window)).toBe(expected);
  });

  it("throws on a malformed reading date rather than comparing strings blindly", () => {
    expect(() => isInWindow("2024-4-15", april)).toThrow(RangeError);
  });
});

describe("nextWindow", () => {
  const schedule = ["2024-01-15", "2024-02-15", "2024-03-15"];

  it.each<[string, string, { opens: string; closes: string } | null]>([
    [
      "is the first window when none has opened",
      "2024-01-01",
      { opens: "2024-01-12", closes: "2024-01-17" },
    ],
    [
      "is the coming window between two",
      "2024-01-20",
      { opens: "2024-02-12", closes: "2024-02-17" },
    ],
    [
      "is the open window while it is open",
      "2024-02-13",
      { opens: "2024-02-12", closes: "2024-02-17" },
    ],
    [
      "is still the open window on its last day",
      "2024-02-17",
      { opens: "2024-02-12", closes: "2024-02-17" },
    ],
    [
      "moves on the day after a window closes",
      "2024-02-18",
      { opens: "2024-03-12", closes: "2024-03-17" },
    ],
    ["is null after the last scheduled window", "2024-03-18", null],
  ])("%s", (_case, today, expected) => {
    expect(nextWindow(schedule, today)).toEqual(expected);
  });

  it("finds the same window whatever the order of the schedule, without reordering it", () => {
    const shuffled = ["2024-03-15", "2024-01-15", "2024-02-15"];
    expect(nextWindow(shuffled, "2024-01-20")).toEqual({
      opens: "2024-02-12",
      closes: "2024-02-17",
    });
    expect(shuffled).toEqual(["2024-03-15", "2024-01-15", "2024-02-15"]);
  });

  it("picks the earlier-opening window when wide settings make two overlap", () => {
    const config = { daysBefore: 10, daysAfter: 10 };
    expect(nextWindow(["2024-02-10", "2024-02-01"], "2024-02-05", config)).toEqual({
      opens: "2024-01-22",
      closes: "2024-02-11",
    });
  });

  it("is null for an empty schedule", () => {
    expect(nextWindow([], "2024-01-01")).toBeNull();
  });
});

describe("localDate", () => {
  it.each<[string, string, string, string]>([
    [
      "is already the next day in Riyadh at 22:00 UTC",
      "2024-03-09T22:00:00Z",
      "Asia/Riyadh",
      "2024-03-10",
    ],
    ["is the UTC day in UTC", "2024-03-09T22:00:00Z", "UTC", "2024-03-09"],
    ["is still the same day in New York", "2024-03-09T22:00:00Z", "America/New_York", "2024-03-09"],
    [
      "turns the year in Paris before it does in UTC",
      "2024-12-31T23:30:00Z",
      "Europe/Paris",
      "2025-01-01",
    ],
    [
      "is still 28 February in Los Angeles when UTC is on the leap day",
      "2024-02-29T00:30:00Z",
      "America/Los_Angeles",
      "2024-02-28",
    ],
  ])("%s", (_case, iso, timeZone, expected) => {
    expect(localDate(new Date(iso), timeZone)).toBe(expected);
  });

  it("throws on an unknown time zone", () => {
    expect(() => localDate(new Date("2024-01-01T00:00:00Z"), "Mars/Olympus_Mons")).toThrow(
      RangeError,
    );
  });

  it("throws on an invalid Date", () => {
    expect(() => localDate(new Date("not a date"), "UTC")).toThrow(RangeError);
  });
});

describe("daysBetween", () => {
  it.each<[string, string, string, number]>([
    ["counts 29 February in a leap year", "2024-02-28", "2024-03-01", 2],
    ["has no 29 February in a common year", "2023-02-28", "2023-03-01", 1],
    ["is 0 for the same day", "2024-04-15", "2024-04-15", 0],
    ["is negative when the second date is earlier", "2024-01-01", "2023-12-31", -1],
  ])("%s", (_case, from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});
