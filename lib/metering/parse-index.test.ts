import { describe, expect, it } from "vitest";
import { parseIndex, type IndexError } from "./parse-index";

const FORTY_DIGITS = "1234567890123456789012345678901234567890";

describe("parseIndex", () => {
  it.each<[string, string, number, number]>([
    ["plain ASCII digits", "12345", 5, 12345],
    ["a comma thousands separator", "12,345", 5, 12345],
    ["a dot thousands separator", "12.345", 5, 12345],
    ["a space between groups", "12 345", 5, 12345],
    ["a narrow no-break space between groups", "12\u202f345", 5, 12345],
    ["Arabic-Indic digits", "١٢٣٤٥", 5, 12345],
    ["Eastern Arabic-Indic digits", "۱۲۳۴۵", 5, 12345],
    ["Arabic-Indic digits with the Arabic thousands separator", "١٢٬٣٤٥", 5, 12345],
    ["surrounding spaces", "  130 ", 5, 130],
    ["leading zeros as the dials show them", "00130", 5, 130],
    ["leading zeros beyond the dial count, which carry no value", "000130", 5, 130],
    ["zero", "0", 5, 0],
    ["the largest index the dials can show", "99999", 5, 99999],
    ["a 15-digit index on a 15-dial register, exactly", "999999999999999", 15, 999999999999999],
  ])("accepts %s", (_case, raw, dials, value) => {
    expect(parseIndex(raw, dials)).toEqual({ ok: true, value });
  });

  it.each<[string, unknown, IndexError]>([
    ["an empty string as required", "", "required"],
    ["blank input as required", "   ", "required"],
    ["a missing field as required", undefined, "required"],
    ["null as required", null, "required"],
    ["a negative number", "-5", "notWholeNumber"],
    ["a decimal with a dot", "12.5", "notWholeNumber"],
    ["a decimal with a comma", "12,5", "notWholeNumber"],
    ["a decimal in Arabic-Indic digits", "١٢.٥", "notWholeNumber"],
    ["letters", "abc", "notWholeNumber"],
    ["digits followed by a letter", "12a", "notWholeNumber"],
    ["exponent notation", "1e3", "notWholeNumber"],
    ["a plus sign", "+7", "notWholeNumber"],
    ["hexadecimal", "0x1F", "notWholeNumber"],
    ["misplaced thousands separators", "1,23,45", "notWholeNumber"],
    ["a number that is not a string", 12345, "notWholeNumber"],
    ["an object", { value: "12345" }, "notWholeNumber"],
    ["one digit more than the dials", "123456", "tooManyDigits"],
    ["a grouped number wider than the dials", "100 000", "tooManyDigits"],
    ["forty digits, without rounding them", FORTY_DIGITS, "tooManyDigits"],
    ["forty Arabic-Indic digits", "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠", "tooManyDigits"],
  ])("refuses %s", (_case, raw, error) => {
    expect(parseIndex(raw, 5)).toEqual({ ok: false, error });
  });

  it("refuses 16 digits on the widest register instead of rounding past 2^53", () => {
    expect(parseIndex("9007199254740993", 15)).toEqual({ ok: false, error: "tooManyDigits" });
  });

  it.each([0, 16, 2.5, Number.NaN, -5])("throws on an impossible dial count %s", (dials) => {
    expect(() => parseIndex("1", dials)).toThrow(RangeError);
  });
});
