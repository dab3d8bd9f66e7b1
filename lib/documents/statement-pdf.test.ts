import { describe, expect, it } from "vitest";
import { sampleStatement } from "./fixtures";
import { pdfPageCount, pdfText } from "./pdf-text";
import { renderStatementPdfBuffer } from "./statement-pdf";

describe("renderStatementPdf", () => {
  it.each(["ar", "fr", "en"] as const)(
    "runs 64 %s rows over pages with the header repeated and every running balance",
    async (locale) => {
      const data = sampleStatement(locale, 64);
      const pdf = await renderStatementPdfBuffer(data);
      const pages = pdfPageCount(pdf);
      expect(pages).toBeGreaterThanOrEqual(2);
      const text = pdfText(pdf);
      // The date column's header is on every page, and nowhere else.
      expect(text.split(data.labels.colDate).length - 1).toBe(pages);
      for (const row of data.rows) expect(text).toContain(row.balance);
      expect(text).toContain(data.labels.closingBalance);
      expect(text).toContain(data.closingBalance);
    },
  );
});
