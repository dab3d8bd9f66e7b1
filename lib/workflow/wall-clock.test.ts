import { describe, expect, it } from "vitest";
import { instantToWallClock, isKnownTimeZone, localDateOf, wallClockToInstant } from "./wall-clock";

describe("wall-clock times of the utility", () => {
  it("reads a local time in Casablanca at UTC+1, and at UTC+0 during Ramadan", () => {
    expect(wallClockToInstant("2026-12-01T08:00", "Africa/Casablanca")?.toISOString()).toBe(
      "2026-12-01T07:00:00.000Z",
    );
    // Morocco leaves UTC+1 for UTC+0 around Ramadan (15 February – 22 March 2026).
    expect(wallClockToInstant("2026-03-02T08:00", "Africa/Casablanca")?.toISOString()).toBe(
      "2026-03-02T08:00:00.000Z",
    );
  });

  it("reads a local time in Dubai (UTC+4, no summer time)", () => {
    expect(wallClockToInstant("2026-07-05T08:00", "Asia/Dubai")?.toISOString()).toBe(
      "2026-07-05T04:00:00.000Z",
    );
  });

  it("takes the earlier instant in an autumn overlap and skips a spring gap", () => {
    // Paris, 25 October 2026: 02:30 happens twice (UTC+2 then UTC+1).
    expect(wallClockToInstant("2026-10-25T02:30", "Europe/Paris")?.toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    // Paris, 29 March 2026: 02:30 does not exist; it lands after the gap, at 03:30.
    const gap = wallClockToInstant("2026-03-29T02:30", "Europe/Paris")!;
    expect(instantToWallClock(gap, "Europe/Paris")).toBe("2026-03-29T03:30");
  });

  it("round-trips through the wall clock", () => {
    const at = new Date("2026-11-18T15:45:00Z");
    expect(
      wallClockToInstant(instantToWallClock(at, "Africa/Casablanca"), "Africa/Casablanca"),
    ).toEqual(at);
    expect(localDateOf(new Date("2026-12-31T23:30:00Z"), "Africa/Casablanca")).toBe("2027-01-01");
  });

  it("refuses malformed and impossible times", () => {
    expect(wallClockToInstant("2026-02-30T08:00", "Africa/Casablanca")).toBeNull();
    expect(wallClockToInstant("2026-12-01 08:00", "Africa/Casablanca")).toBeNull();
    expect(wallClockToInstant("2026-12-01T24:00", "Africa/Casablanca")).toBeNull();
  });

  it("knows IANA zones and nothing else", () => {
    expect(isKnownTimeZone("Africa/Casablanca")).toBe(true);
    expect(isKnownTimeZone("Asia/Riyadh")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
    expect(isKnownTimeZone("")).toBe(false);
  });
});
