import { isCalendarDate } from "./engine/dates";
import { parseMinor } from "./engine/money";

/**
 * Bills exported by another billing system, as CSV (docs/billing-import.md). Parsing and the
 * checks of each row on its own are pure; what needs the database (does the contract exist, is
 * the period already billed) is in import-bills.ts.
 */

/** Larger files are refused before parsing: an export of one cycle is far smaller. */
export const MAX_IMPORT_BYTES = 1_000_000;
export const MAX_IMPORT_ROWS = 5_000;

export const IMPORT_COLUMNS = [
  "contractNo",
  "billNo",
  "periodStart",
  "periodEnd",
  "consumption",
  "unit",
  "totalBeforeTax",
  "tax",
  "total",
  "currency",
  "dueDate",
  "readingType",
  "previousIndex",
  "newIndex",
] as const;

const OPTIONAL = new Set<string>(["previousIndex", "newIndex"]);

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Why a row (or the whole file, row 0) is refused; translated under billingAdmin.import.errors. */
export type ImportErrorCode =
  | "EMPTY_FILE"
  | "TOO_LARGE"
  | "TOO_MANY_ROWS"
  | "BAD_ENCODING"
  | "BAD_QUOTES"
  | "MISSING_COLUMN"
  | "UNKNOWN_COLUMN"
  | "NO_ROWS"
  | "WRONG_FIELD_COUNT"
  | "REQUIRED"
  | "INVALID"
  | "UNSAFE_CELL"
  | "BAD_DATE"
  | "PERIOD_ORDER"
  | "BAD_DECIMAL"
  | "BAD_AMOUNT"
  | "TOTAL_MISMATCH"
  | "INDEX_ORDER"
  | "DUPLICATE_IN_FILE"
  | "UNKNOWN_CONTRACT"
  | "UNIT_MISMATCH"
  | "ALREADY_BILLED"
  | "ALREADY_IMPORTED";

/** `line` is the line of the file (the header is line 1); 0 for the whole file. */
export type ImportError = { line: number; column?: ImportColumn; code: ImportErrorCode };

export type ImportRow = {
  line: number;
  contractNo: string;
  externalRef: string;
  periodStart: string;
  periodEnd: string;
  consumption: string;
  unit: "kWh" | "m3";
  currency: string;
  totalBeforeTaxMinor: number;
  taxMinor: number;
  totalMinor: number;
  dueDate: string;
  readingType: "agent" | "self" | "estimated";
  previousIndex: number | null;
  newIndex: number | null;
};

export type ParsedImport = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[] };

/** RFC 4180 records: quoted fields may hold the separator, quotes ("") and line breaks. */
export function splitCsv(text: string, separator = ","): string[][] | null {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') {
      if (field !== "") return null;
      quoted = true;
    } else if (c === separator) {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (quoted) return null;
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0]!.trim() === ""));
}

// A cell a spreadsheet would run as a formula, or markup: never a valid value in this format.
const UNSAFE = /^[=+\-@\t\r]|[<>]/;
const CONTRACT_NO = /^[A-Za-z0-9-]{1,32}$/;
const EXTERNAL_REF = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
const QUANTITY = /^\d{1,11}(\.\d{1,3})?$/;
const INDEX = /^\d{1,15}$/;

/**
 * Parse and check an import file. Every problem is reported with its line and column; a file
 * with any problem gives no rows at all, so nothing is imported by halves.
 */
export function parseBillsCsv(input: string | Uint8Array): ParsedImport {
  const size = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.byteLength;
  if (size === 0) return { ok: false, errors: [{ line: 0, code: "EMPTY_FILE" }] };
  if (size > MAX_IMPORT_BYTES) return { ok: false, errors: [{ line: 0, code: "TOO_LARGE" }] };
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return { ok: false, errors: [{ line: 0, code: "BAD_ENCODING" }] };
    }
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.includes("\u0000")) return { ok: false, errors: [{ line: 0, code: "BAD_ENCODING" }] };
  // Excel in French writes semicolons: take whichever separator the header uses.
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const separator = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const records = splitCsv(text, separator);
  if (!records) return { ok: false, errors: [{ line: 0, code: "BAD_QUOTES" }] };
  if (!records.length) return { ok: false, errors: [{ line: 0, code: "EMPTY_FILE" }] };
  if (records.length - 1 > MAX_IMPORT_ROWS)
    return { ok: false, errors: [{ line: 0, code: "TOO_MANY_ROWS" }] };

  const header = records[0]!.map((h) => h.trim());
  const errors: ImportError[] = [];
  for (const h of header)
    if (!(IMPORT_COLUMNS as readonly string[]).includes(h))
      errors.push({ line: 1, code: "UNKNOWN_COLUMN" });
  for (const column of IMPORT_COLUMNS)
    if (!OPTIONAL.has(column) && !header.includes(column))
      errors.push({ line: 1, column, code: "MISSING_COLUMN" });
  if (errors.length) return { ok: false, errors };
  if (records.length < 2) return { ok: false, errors: [{ line: 0, code: "NO_ROWS" }] };

  const rows: ImportRow[] = [];
  const seenRefs = new Set<string>();
  const seenPeriods = new Set<string>();
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    if (record.length !== header.length) {
      errors.push({ line, code: "WRONG_FIELD_COUNT" });
      return;
    }
    const cell = (c: ImportColumn) => {
      const at = header.indexOf(c);
      return at < 0 ? "" : record[at]!.trim();
    };
    const before = errors.length;
    const fail = (column: ImportColumn, code: ImportErrorCode) =>
      errors.push({ line, column, code });
    for (const column of IMPORT_COLUMNS) {
      const value = cell(column);
      if (UNSAFE.test(value)) fail(column, "UNSAFE_CELL");
      else if (!value && !OPTIONAL.has(column)) fail(column, "REQUIRED");
    }
    if (errors.length > before) return;

    const contractNo = cell("contractNo");
    if (!CONTRACT_NO.test(contractNo)) fail("contractNo", "INVALID");
    const externalRef = cell("billNo");
    if (!EXTERNAL_REF.test(externalRef)) fail("billNo", "INVALID");
    for (const c of ["periodStart", "periodEnd", "dueDate"] as const)
      if (!isCalendarDate(cell(c))) fail(c, "BAD_DATE");
    const periodStart = cell("periodStart");
    const periodEnd = cell("periodEnd");
    if (isCalendarDate(periodStart) && isCalendarDate(periodEnd) && periodEnd <= periodStart)
      fail("periodEnd", "PERIOD_ORDER");
    const consumption = cell("consumption");
    if (!QUANTITY.test(consumption)) fail("consumption", "BAD_DECIMAL");
    const unit = cell("unit");
    if (unit !== "kWh" && unit !== "m3") fail("unit", "INVALID");
    const currency = cell("currency").toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) fail("currency", "INVALID");
    const readingType = cell("readingType");
    if (readingType !== "agent" && readingType !== "self" && readingType !== "estimated")
      fail("readingType", "INVALID");
    const amount = (c: "totalBeforeTax" | "tax" | "total"): number | null => {
      const value = cell(c);
      // Exact decimals only: "12.5" is fine, "1e3", "12,50" or "12.505" MAD are not.
      if (!/^\d{1,13}(\.\d+)?$/.test(value)) return (fail(c, "BAD_AMOUNT"), null);
      try {
        return parseMinor(value, /^[A-Z]{3}$/.test(currency) ? currency : "MAD");
      } catch {
        return (fail(c, "BAD_AMOUNT"), null);
      }
    };
    const beforeTax = amount("totalBeforeTax");
    const tax = amount("tax");
    const total = amount("total");
    if (beforeTax !== null && tax !== null && total !== null && beforeTax + tax !== total)
      fail("total", "TOTAL_MISMATCH");
    const index = (c: "previousIndex" | "newIndex"): number | null => {
      const value = cell(c);
      if (!value) return null;
      if (!INDEX.test(value)) return (fail(c, "INVALID"), null);
      return Number(value);
    };
    const previousIndex = index("previousIndex");
    const newIndex = index("newIndex");
    if ((previousIndex === null) !== (newIndex === null))
      fail(previousIndex === null ? "previousIndex" : "newIndex", "REQUIRED");
    else if (previousIndex !== null && newIndex !== null && newIndex < previousIndex)
      fail("newIndex", "INDEX_ORDER");

    const refKey = `${contractNo}\u0000${externalRef}`;
    const periodKey = `${contractNo}\u0000${periodStart}`;
    if (seenRefs.has(refKey)) fail("billNo", "DUPLICATE_IN_FILE");
    else if (seenPeriods.has(periodKey)) fail("periodStart", "DUPLICATE_IN_FILE");
    seenRefs.add(refKey);
    seenPeriods.add(periodKey);
    if (errors.length > before) return;
    rows.push({
      line,
      contractNo,
      externalRef,
      periodStart,
      periodEnd,
      consumption,
      unit: unit as ImportRow["unit"],
      currency,
      totalBeforeTaxMinor: beforeTax!,
      taxMinor: tax!,
      totalMinor: total!,
      dueDate: cell("dueDate"),
      readingType: readingType as ImportRow["readingType"],
      previousIndex,
      newIndex,
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
