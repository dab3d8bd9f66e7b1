import PDFDocument from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import { registerFonts } from "./fonts";
import { bidiText, firstStrongDir, layoutText } from "./text-layout";

let doc: PDFKit.PDFDocument;
beforeAll(() => {
  doc = new PDFDocument({ size: "A4" });
  registerFonts(doc);
});

const visual = (text: string, dir: "ltr" | "rtl" = "rtl") =>
  layoutText(doc, text, { size: 10, width: 1000, dir })[0]!.runs.map((r) => [r.text, r.rtl]);

describe("layoutText", () => {
  it("puts a bill number to the left of its Arabic label, unreversed", () => {
    expect(visual("رقم الفاتورة: FA-2026-000123")).toEqual([
      ["FA-2026-000123", false],
      ["رقم الفاتورة: ", true],
    ]);
  });

  it("keeps an amount left to right before its Arabic currency", () => {
    expect(visual("المبلغ المستحق 413.36 درهم")).toEqual([
      [" درهم", true],
      ["413.36", false],
      ["المبلغ المستحق ", true],
    ]);
  });

  it("keeps a number grouped with spaces in one run", () => {
    expect(visual("مرجع الأداء 2026 0001 2345 6789")[0]).toEqual(["2026 0001 2345 6789", false]);
    expect(visual("الهاتف +212 5 37 00 00 00")[0]).toEqual(["+212 5 37 00 00 00", false]);
  });

  it("mirrors brackets inside Arabic", () => {
    const runs = visual("الاستهلاك (الشريحة 3) يوما");
    // Logical ") يوما" is mirrored to "( يوما" and fontkit reverses the run, so the "(" lands
    // right of "يوما", facing the 3: visually "يوما (3 الشريحة) الاستهلاك".
    expect(runs.map((r) => r[0])).toEqual(["( يوما", "3", "الاستهلاك )الشريحة "]);
  });

  it("leaves a French line as one left-to-right run", () => {
    expect(visual("Montant à payer : 413,36 MAD", "ltr")).toEqual([
      ["Montant à payer : 413,36 MAD", false],
    ]);
  });

  it("wraps on logical text, each line a piece of the input in order", () => {
    const text = "احتفظوا بهذه الفاتورة. لأي سؤال أو شكاية: اتصلوا بخدمة الزبناء داخل أجل 30 يوما.";
    const lines = layoutText(doc, text, { size: 10, width: 120, dir: "rtl" });
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map((l) => l.text).join(" ")).toBe(text);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120);
  });

  it("ends a clipped paragraph with an ellipsis", () => {
    const lines = layoutText(doc, "one two three four five six seven eight", {
      size: 10,
      width: 40,
      dir: "ltr",
      maxLines: 2,
    });
    expect(lines).toHaveLength(2);
    expect(lines[1]!.text.endsWith("…")).toBe(true);
  });
});

describe("bidiText", () => {
  it("keeps the length and touches only spaces inside numbers and leading signs", () => {
    const s = "FA-2026 (0 - 100) 18 204 -5.00";
    expect(bidiText(s)).toHaveLength(s.length);
    expect(bidiText(s)).toBe("FA-2026 (0 - 100) 18\u00A0204 05.00");
  });
});

describe("a value isolated from its document's direction", () => {
  const runs = (text: string, dir: "ltr" | "rtl", isolate: boolean) =>
    layoutText(doc, text, { size: 10, width: 1000, dir, isolate })[0]!.runs.map((r) => r.text);

  it("keeps a Latin address's number at its start in an Arabic document", () => {
    const address = "12 rue Allal Ben Abdellah, Rabat";
    // As a sentence of an Arabic paragraph the number goes to the far (right) end…
    expect(runs(address, "rtl", false).at(-1)).toBe("12");
    // …as a value of its own it reads as written.
    expect(runs(address, "rtl", true).join("")).toBe(address);
  });

  it("keeps an Arabic name right to left in a French document", () => {
    expect(runs("فاطمة الزهراء 2", "ltr", true)).toEqual(runs("فاطمة الزهراء 2", "rtl", false));
  });

  it("leaves a value with no letter (a date, an amount) in the document's direction", () => {
    expect(runs("23/11/2026 14:05", "rtl", true)).toEqual(runs("23/11/2026 14:05", "rtl", false));
    expect(runs("413.36 درهم", "rtl", true)).toEqual(runs("413.36 درهم", "rtl", false));
  });

  it("tells a text's direction by its first letter", () => {
    expect(firstStrongDir("12 rue Allal")).toBe("ltr");
    expect(firstStrongDir("12 شارع علال")).toBe("rtl");
    expect(firstStrongDir("2026-11-23")).toBeNull();
  });
});
