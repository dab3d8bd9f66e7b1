import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { pdfPageCount, pdfText } from "./pdf-text";
import { renderAcknowledgementPdfBuffer } from "./registry-acknowledgement-pdf";
import { SHA, sampleAcknowledgement, sampleLetter } from "./registry-fixtures";
import { renderReplyLetterPdfBuffer } from "./registry-letter-pdf";

describe("mail registry PDFs", () => {
  it.each(["ar", "fr"] as const)(
    "prints the %s acknowledgement with number, fingerprints and code",
    async (locale) => {
      const pdf = await renderAcknowledgementPdfBuffer(sampleAcknowledgement(locale));
      const text = pdfText(pdf);
      expect(text).toContain("ARR-2026-000123");
      expect(text).toContain(SHA);
      expect(text).toContain("K7M2P9QX");
      expect(text).toContain("11/07/2026");
      // Markup is printed as the characters typed, never interpreted.
      expect(text).toContain("<script>alert");
      expect(pdfPageCount(pdf)).toBe(1);
    },
  );

  it("moves the tracking box to a second page when ten documents fill the first", async () => {
    const pdf = await renderAcknowledgementPdfBuffer(sampleAcknowledgement("fr", 10));
    expect(pdfText(pdf).match(new RegExp(SHA, "g"))).toHaveLength(10);
    expect(pdfText(pdf)).toContain("K7M2P9QX");
  });

  it.each(["ar", "fr"] as const)(
    "prints the %s reply letter with its references",
    async (locale) => {
      const pdf = await renderReplyLetterPdfBuffer(sampleLetter(locale));
      const text = pdfText(pdf);
      expect(text).toContain("DEP-2026-000045");
      expect(text).toContain("ARR-2026-000123");
      expect(text).toContain("<script>alert");
      expect(text).toContain(MESSAGES[locale].registry.pdf.signature);
    },
  );

  it("continues a long reply on further pages", async () => {
    const pdf = await renderReplyLetterPdfBuffer(sampleLetter("fr", 40));
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
  });
});
