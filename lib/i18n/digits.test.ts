import { describe, expect, it } from "vitest";
import { parseWholeNumber, toAsciiDigits } from "./digits";

describe("toAsciiDigits", () => {
  it("turns Arabic-Indic and Eastern Arabic-Indic digits into ASCII", () => {
    expect(toAsciiDigits("١٢٣٤٥")).toBe("12345");
    expect(toAsciiDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(toAsciiDigits("C-٤٥")).toBe("C-45");
  });
});

describe("parseWholeNumber", () => {
  it.each([
    ["12600", "12600"],
    ["١٢٦٠٠", "12600"],
    ["۱۲۶۰۰", "12600"],
    ["12 600", "12600"],
    ["12,600", "12600"],
    ["١٢٬٦٠٠", "12600"],
    ["1.234.567", "1234567"],
    ["  00130 ", "130"],
    ["0", "0"],
    ["1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890"],
  ])("reads %j as %s", (input, expected) => {
    expect(parseWholeNumber(input)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "-5",
    "12a",
    "1e3",
    "12.5x",
    "12.5",
    "12,5",
    "1,23,456",
    "1,234.567",
    "abc",
    "<script>",
    "+7",
  ])("refuses %j", (input) => {
    expect(parseWholeNumber(input)).toBeNull();
  });
});
