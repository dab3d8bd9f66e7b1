import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('12 زنقة "الأندلس", حي')).toBe('"12 زنقة ""الأندلس"", حي"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
  });
  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+212")).toBe('"\'+212"');
    expect(csvCell("@SUM(A1)")).toBe('"\'@SUM(A1)"');
  });
  it("keeps numbers as numbers, negative ones included", () => {
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(null)).toBe("");
  });
  it("starts with a byte-order mark and ends lines with CRLF", () => {
    expect(
      toCsv([
        ["a", 1],
        ["b", 2],
      ]),
    ).toBe("\uFEFFa,1\r\nb,2\r\n");
  });
});
