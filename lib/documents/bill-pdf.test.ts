import { beforeAll, describe, expect, it } from "vitest";
import { BILL_LABEL_KEYS, type BillLabelKey } from "./bill-document";
import { renderBillPdf, renderBillPdfBuffer } from "./bill-pdf";
import { BILL_LABELS, sampleBill } from "./fixtures";
import { pdfPageCount, pdfText } from "./pdf-text";

const squash = (s: string) => s.replace(/\s+/g, "");

// One Arabic render shared by the tests that only read it: the first render of a process
// shapes every label and is the slow one.
let arabic: Buffer;
beforeAll(async () => {
  arabic = await renderBillPdfBuffer(sampleBill("ar"));
});

describe("renderBillPdf", () => {
  it("renders an Arabic bill whose text reads in logical order", () => {
    const pdf = arabic;
    const text = pdfText(pdf);
    expect(pdfPageCount(pdf)).toBe(1);
    expect(text).toContain("المبلغ المستحق");
    expect(text).toContain("رقم الفاتورة");
    expect(text).toContain("FA-2026-000123");
    expect(text).toContain("413.36");
    expect(text).not.toContain("63.314");
    expect(text).toContain("2026 0001 2345 6789");
    // pdftotext splits a few joined Arabic words where Amiri's glyphs overlap, so every label is
    // also checked with spaces removed (still in logical order).
    const flat = squash(text);
    const shown = BILL_LABEL_KEYS.filter((k) => !["days", "page", "estimatedNotice"].includes(k));
    for (const key of shown)
      expect(flat, key).toContain(squash(BILL_LABELS.ar[key as BillLabelKey]));
  });

  it.each(["fr", "en"] as const)("renders the %s bill with its totals", async (locale) => {
    const data = sampleBill(locale);
    const pdf = await renderBillPdfBuffer(data);
    const text = pdfText(pdf);
    expect(pdfPageCount(pdf)).toBe(1);
    expect(text).toContain(data.bill.billNo);
    expect(text).toContain(`${data.totals.amountDue} MAD`);
    expect(text).toContain(data.labels.amountDue);
    expect(text).toContain(data.labels.payBefore);
  });

  it("shows the estimated-reading notice only on an estimated bill", async () => {
    const data = sampleBill("en");
    expect(squash(pdfText(await renderBillPdfBuffer(data)))).not.toContain(
      squash(data.labels.estimatedNotice),
    );
    data.bill.estimated = true;
    expect(squash(pdfText(await renderBillPdfBuffer(data)))).toContain(
      squash(data.labels.estimatedNotice),
    );
  });

  it("sets the title, author and language", () => {
    const pdf = arabic.toString("latin1");
    expect(pdf).toContain("/Lang (ar)");
    expect(pdf).toMatch(/\/Title \d+ 0 R/);
    expect(pdf).toMatch(/\/Author \d+ 0 R/);
  });

  it("streams the same document", async () => {
    const chunks: Buffer[] = [];
    const stream = renderBillPdf(sampleBill("fr"));
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(pdfText(Buffer.concat(chunks))).toContain("FA-2026-000123");
  });

  it("continues a bill with many lines on a second page", async () => {
    const data = sampleBill("ar");
    data.lines = Array.from({ length: 30 }, (_, i) => ({
      ...data.lines[0]!,
      label: `سطر ${i + 1}`,
    }));
    const pdf = await renderBillPdfBuffer(data);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
    const text = pdfText(pdf);
    expect(text).toContain("سطر 30");
    expect(text.split("المبلغ المستحق").length - 1).toBe(1);
    expect(text).toMatch(/الصفحة\s*2\s*من/);
  });
});
