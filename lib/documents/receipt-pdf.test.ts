import { describe, expect, it } from "vitest";
import { RECEIPT_LABEL_KEYS } from "./receipt-document";
import { PAYER, sampleReceipt } from "./receipt-fixtures";
import { renderReceiptPdfBuffer } from "./receipt-pdf";
import { pdfPageCount, pdfText } from "./pdf-text";

const squash = (s: string) => s.replace(/\s+/g, "");

describe("renderReceiptPdf", () => {
  it("renders an Arabic receipt on one page whose labels read in logical order", async () => {
    const data = sampleReceipt("ar");
    const pdf = await renderReceiptPdfBuffer(data);
    const text = pdfText(pdf);
    expect(pdfPageCount(pdf)).toBe(1);
    expect(text).toContain("RC-2026-000042");
    expect(text).toContain("500,00");
    expect(text).toContain("FA-2026-000120");
    expect(text).toContain("وصل أداء");
    expect(text).toContain("المجموع المؤدى");
    // pdftotext splits a few joined Arabic words where Amiri's glyphs overlap: compare the
    // labels with spaces removed too (still in logical order).
    const flat = squash(text);
    const shown = RECEIPT_LABEL_KEYS.filter(
      (k) => !["noBills", "refunded", "reference", "agency"].includes(k),
    );
    for (const key of shown) expect(flat, key).toContain(squash(data.labels[key]));
    expect(flat).toContain(squash(PAYER.ar));
  });

  it.each(["fr", "en"] as const)("renders the %s receipt with its total", async (locale) => {
    const data = sampleReceipt(locale);
    const pdf = await renderReceiptPdfBuffer(data);
    const text = pdfText(pdf);
    expect(pdfPageCount(pdf)).toBe(1);
    expect(text).toContain("RC-2026-000042");
    expect(text).toContain(`${data.totals.total} MAD`);
    expect(text).toContain(data.labels.totalPaid);
    expect(text).toContain(data.labels.credit);
    expect(text).toContain(data.payer.name);
  });

  it("says the payment is a credit when it settled no bill", async () => {
    const data = {
      ...sampleReceipt("en", 0),
      totals: { allocated: "0.00", credit: "500.00", total: "500.00" },
    };
    const text = squash(pdfText(await renderReceiptPdfBuffer(data)));
    expect(text).toContain(squash(data.labels.noBills));
  });

  it("keeps a payment of many bills on one page", async () => {
    const pdf = await renderReceiptPdfBuffer(sampleReceipt("fr", 40));
    expect(pdfPageCount(pdf)).toBe(1);
    expect(pdfText(pdf)).toMatch(/\+ \d+/);
  });
});
