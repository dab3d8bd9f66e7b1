import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, parseBillsCsv, splitCsv } from "./import-csv";

const HEADER =
  "contractNo,billNo,periodStart,periodEnd,consumption,unit,totalBeforeTax,tax,total,currency,dueDate,readingType,previousIndex,newIndex";
const GOOD =
  "1000000101,EXT-1,2025-01-01,2025-02-01,120,kWh,100.00,20.00,120.00,MAD,2025-02-15,agent,1000,1120";

function csv(...rows: string[]) {
  return [HEADER, ...rows].join("\n");
}

describe("splitCsv", () => {
  it("keeps separators, doubled quotes and line breaks inside quoted fields", () => {
    expect(splitCsv('a,"b,c","say ""hi""","two\nlines"\r\nx,y,z,w\n')).toEqual([
      ["a", "b,c", 'say "hi"', "two\nlines"],
      ["x", "y", "z", "w"],
    ]);
  });
  it("refuses an unterminated quote", () => {
    expect(splitCsv('a,"b\n')).toBeNull();
  });
});

describe("parseBillsCsv", () => {
  it("reads a good row into exact minor units", () => {
    const result = parseBillsCsv(csv(GOOD));
    expect(result).toEqual({
      ok: true,
      rows: [
        expect.objectContaining({
          line: 2,
          contractNo: "1000000101",
          externalRef: "EXT-1",
          totalBeforeTaxMinor: 10000,
          taxMinor: 2000,
          totalMinor: 12000,
          previousIndex: 1000,
          newIndex: 1120,
        }),
      ],
    });
  });

  it("accepts semicolons, a byte-order mark and columns in any order without the indexes", () => {
    const text =
      "\uFEFFbillNo;contractNo;periodStart;periodEnd;consumption;unit;totalBeforeTax;tax;total;currency;dueDate;readingType\n" +
      "X2;1000000101;2025-01-01;2025-02-01;12.5;m3;10;0;10;MAD;2025-02-15;estimated\n";
    const result = parseBillsCsv(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.rows[0]).toMatchObject({ externalRef: "X2", previousIndex: null });
  });

  it("reports every bad row with its line and column, and gives no rows", () => {
    const result = parseBillsCsv(
      csv(
        GOOD,
        "1000000101,EXT-2,2025-02-30,2025-02-01,120,kWh,100.00,20.00,120.00,MAD,2025-02-15,agent,,",
        "1000000101,EXT-3,2025-03-01,2025-04-01,120,kWh,100.005,20.00,120.00,MAD,2025-04-15,agent,,",
        "1000000101,EXT-4,2025-04-01,2025-05-01,120,kWh,100.00,20.00,130.00,MAD,2025-05-15,agent,,",
        "1000000101,EXT-1,2025-05-01,2025-06-01,120,kWh,100.00,20.00,120.00,MAD,2025-06-15,agent,,",
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 3, column: "periodStart", code: "BAD_DATE" },
      { line: 4, column: "totalBeforeTax", code: "BAD_AMOUNT" },
      { line: 5, column: "total", code: "TOTAL_MISMATCH" },
      { line: 6, column: "billNo", code: "DUPLICATE_IN_FILE" },
    ]);
  });

  it("refuses formula cells and markup instead of storing them", () => {
    const result = parseBillsCsv(
      csv(
        "=cmd|' /C calc'!A0,EXT-9,2025-01-01,2025-02-01,120,kWh,100.00,20.00,120.00,MAD,2025-02-15,agent,,",
        "1000000101,<script>alert(1)</script>,2025-01-01,2025-02-01,120,kWh,100.00,20.00,120.00,MAD,2025-02-15,agent,,",
        "1000000101,EXT-10,2025-01-01,2025-02-01,120,kWh,-100.00,20.00,-80.00,MAD,2025-02-15,agent,,",
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ line: 2, column: "contractNo", code: "UNSAFE_CELL" });
    expect(result.errors).toContainEqual({ line: 3, column: "billNo", code: "UNSAFE_CELL" });
    expect(result.errors).toContainEqual({
      line: 4,
      column: "totalBeforeTax",
      code: "UNSAFE_CELL",
    });
  });

  it("refuses an empty file, an oversized one, bytes that are not UTF-8 and a bad header", () => {
    expect(parseBillsCsv("")).toEqual({ ok: false, errors: [{ line: 0, code: "EMPTY_FILE" }] });
    expect(parseBillsCsv("x".repeat(MAX_IMPORT_BYTES + 1))).toEqual({
      ok: false,
      errors: [{ line: 0, code: "TOO_LARGE" }],
    });
    expect(parseBillsCsv(new Uint8Array([0xff, 0xfe, 0x41]))).toEqual({
      ok: false,
      errors: [{ line: 0, code: "BAD_ENCODING" }],
    });
    expect(parseBillsCsv(HEADER)).toEqual({ ok: false, errors: [{ line: 0, code: "NO_ROWS" }] });
    const missing = parseBillsCsv("contractNo,billNo\n1,2");
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.errors).toContainEqual({ line: 1, column: "total", code: "MISSING_COLUMN" });
  });

  it("needs both indexes or neither, the new one not below the previous", () => {
    const result = parseBillsCsv(
      csv(
        "1000000101,A,2025-01-01,2025-02-01,1,kWh,1,0,1,MAD,2025-02-15,agent,5,",
        "1000000101,B,2025-02-01,2025-03-01,1,kWh,1,0,1,MAD,2025-03-15,agent,9,3",
      ),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        { line: 2, column: "newIndex", code: "REQUIRED" },
        { line: 3, column: "newIndex", code: "INDEX_ORDER" },
      ]);
  });
});
