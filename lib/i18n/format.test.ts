import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatInteger } from "./format";

describe("formatting", () => {
  it("shows dates in the utility's time zone, not the server's", () => {
    // 23:30 UTC on 31 March is already 1 April in Casablanca (UTC+1).
    const d = new Date("2026-03-31T23:30:00Z");
    expect(formatDate(d, "fr", "Africa/Casablanca")).toContain("1");
    expect(formatDate(d, "en", "Africa/Casablanca")).toMatch(/1 Apr 2026/);
    expect(formatDateTime(d, "en", "Africa/Casablanca")).toMatch(/00:30/);
  });

  it("groups thousands the way each language writes them", () => {
    expect(formatInteger(12345, "en")).toBe("12,345");
    // CLDR's Moroccan French groups with a dot, as Moroccan bills do.
    expect(formatInteger(12345, "fr")).toBe("12.345");
    expect(formatInteger(12345, "ar")).toMatch(/12.345/);
  });
});
