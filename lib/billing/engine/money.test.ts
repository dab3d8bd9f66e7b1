import { describe, expect, it } from "vitest";
import { apportion, formatDecimal, parseDecimal } from "./decimal";
import { formatMinor, parseMinor, roundHalfEven, roundHalfUp } from "./money";

describe("money", () => {
  it.each([
    [41336, "MAD", "413.36"],
    [-500, "MAD", "-5.00"],
    [7, "AED", "0.07"],
    [0, "SAR", "0.00"],
    [1234, "KWD", "1.234"],
  ])("formats %i minor %s as %s", (minor, currency, text) => {
    expect(formatMinor(minor, currency)).toBe(text);
    expect(parseMinor(text, currency)).toBe(minor);
  });

  it("refuses to parse more decimals than the currency has", () => {
    expect(() => parseMinor("1.234", "MAD")).toThrow(RangeError);
    expect(() => parseMinor("1,23", "MAD")).toThrow(RangeError);
  });

  it.each<[string, number, string, string]>([
    ["0.125", 2, "0.13", "0.12"],
    ["0.135", 2, "0.14", "0.14"],
    ["-0.125", 2, "-0.13", "-0.12"],
    ["2.5", 0, "3", "2"],
    ["0.124999", 2, "0.12", "0.12"],
  ])("rounds %s to %i places half-up to %s and half-even to %s", (value, places, up, even) => {
    expect(roundHalfUp(value, places)).toBe(up);
    expect(roundHalfEven(value, places)).toBe(even);
  });

  it("holds 0.1 + 0.2 exactly", () => {
    expect(formatDecimal(parseDecimal("0.1") + parseDecimal("0.2"))).toBe("0.3");
  });

  it("apportions without losing or inventing a unit", () => {
    const parts = apportion(parseDecimal("100"), [17n, 13n], 3).map((p) => formatDecimal(p));
    expect(parts).toEqual(["56.667", "43.333"]);
    const tiny = apportion(parseDecimal("0.002"), [1n, 1n, 1n], 3).map((p) => formatDecimal(p));
    expect(tiny).toEqual(["0", "0.001", "0.001"]);
  });
});
