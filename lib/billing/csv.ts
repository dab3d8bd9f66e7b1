/**
 * CSV for spreadsheets: comma-separated, CRLF, UTF-8 with a byte-order mark (Excel opens
 * Arabic correctly only with it), every field quoted when it needs to be, and a cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) defused with a leading apostrophe.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
