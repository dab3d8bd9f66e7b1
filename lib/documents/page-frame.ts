import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { DocLocale, DocUtility } from "./bill-document";
import { registerFonts } from "./fonts";
import { drawText, type TextDir } from "./text-layout";

/** Shared page furniture of the documents: A4 geometry, colours, mirroring, header, QR code. */
export const PAGE = { width: 595.28, height: 841.89, margin: 34 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const COLORS = {
  ink: "#111827",
  muted: "#4b5563",
  faint: "#9ca3af",
  rule: "#d1d5db",
  tint: "#eef4fb",
  brand: "#0b5cab",
  brandDark: "#083f75",
  accent: "#f2a900",
  warnBg: "#fff4d6",
  warnInk: "#7a4b00",
} as const;

/**
 * Horizontal placement written once for left-to-right pages and mirrored for right-to-left:
 * `x(start, width)` takes the distance from the start margin edge.
 */
export type Frame = {
  dir: TextDir;
  rtl: boolean;
  x: (start: number, width: number) => number;
};

export function frameFor(locale: DocLocale): Frame {
  const rtl = locale === "ar";
  return {
    dir: rtl ? "rtl" : "ltr",
    rtl,
    x: (start, width) => (rtl ? PAGE.width - PAGE.margin - start - width : PAGE.margin + start),
  };
}

/** A new A4 document with the fonts registered, metadata and language set. */
export function createDocument(options: {
  locale: DocLocale;
  title: string;
  author: string;
  subject?: string;
  bufferPages?: boolean;
}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    // No Helvetica: pdfkit would parse its metrics for every document, and every glyph drawn
    // here is Amiri's anyway (registerFonts selects it).
    font: null as unknown as string,
    lang: options.locale,
    displayTitle: true,
    bufferPages: options.bufferPages ?? false,
    info: {
      Title: options.title,
      Author: options.author,
      Subject: options.subject ?? options.title,
      Creator: "Wasla",
    },
  });
  registerFonts(doc);
  return doc;
}

/** Collects a rendered document into one Buffer. */
export function documentBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** The utility's emblem when it has no logo: a drop and a spark in a disc. */
function drawEmblem(doc: PDFKit.PDFDocument, x: number, y: number, size: number): void {
  const r = size / 2;
  const cx = x + r;
  const cy = y + r;
  doc.save();
  doc.circle(cx, cy, r).fill(COLORS.brand);
  // Drop
  doc
    .moveTo(cx - r * 0.2, cy - r * 0.62)
    .bezierCurveTo(
      cx - r * 0.2,
      cy - r * 0.62,
      cx - r * 0.62,
      cy + 0.02 * r,
      cx - r * 0.62,
      cy + r * 0.2,
    )
    .bezierCurveTo(
      cx - r * 0.62,
      cy + r * 0.46,
      cx - r * 0.43,
      cy + r * 0.62,
      cx - r * 0.2,
      cy + r * 0.62,
    )
    .bezierCurveTo(
      cx + r * 0.03,
      cy + r * 0.62,
      cx + r * 0.22,
      cy + r * 0.46,
      cx + r * 0.22,
      cy + r * 0.2,
    )
    .bezierCurveTo(
      cx + r * 0.22,
      cy + 0.02 * r,
      cx - r * 0.2,
      cy - r * 0.62,
      cx - r * 0.2,
      cy - r * 0.62,
    )
    .fill("#ffffff");
  // Spark
  doc
    .polygon(
      [cx + r * 0.34, cy - r * 0.6],
      [cx + r * 0.08, cy + r * 0.02],
      [cx + r * 0.3, cy + r * 0.02],
      [cx + r * 0.16, cy + r * 0.56],
      [cx + r * 0.62, cy - r * 0.14],
      [cx + r * 0.4, cy - r * 0.14],
      [cx + r * 0.56, cy - r * 0.6],
    )
    .fill(COLORS.accent);
  doc.restore();
}

/**
 * The utility block at the top start corner (logo, name, address, contact). Returns its height.
 */
export function drawUtilityHeader(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  utility: DocUtility,
  y: number,
  width: number,
): number {
  const logo = 46;
  if (utility.logoPng) {
    doc.image(utility.logoPng, frame.x(0, logo), y, { fit: [logo, logo] });
  } else {
    drawEmblem(doc, frame.x(0, logo), y, logo);
  }
  const textX = logo + 10;
  const textW = width - textX;
  let h = drawText(doc, utility.name, {
    x: frame.x(textX, textW),
    y: y - 2,
    width: textW,
    dir: frame.dir,
    size: 13,
    bold: true,
    color: COLORS.brandDark,
    maxLines: 2,
  });
  const contact = [utility.address, [utility.phone, utility.website].filter(Boolean).join("  ·  ")]
    .filter(Boolean)
    .join("\n");
  if (contact) {
    h += drawText(doc, contact, {
      x: frame.x(textX, textW),
      y: y - 2 + h,
      width: textW,
      dir: frame.dir,
      size: 8.5,
      color: COLORS.muted,
    });
  }
  return Math.max(logo, h);
}

type QrMatrix = { size: number; dark: boolean[] };
const qrCache = new Map<string, QrMatrix>();

/** The QR modules of a payload, cached: the same payment URL prints on every copy of a bill. */
function qrMatrix(payload: string): QrMatrix {
  let m = qrCache.get(payload);
  if (!m) {
    const qr = QRCode.create(payload, { errorCorrectionLevel: "M" });
    const size = qr.modules.size;
    const dark: boolean[] = [];
    for (let i = 0; i < size * size; i++) dark.push(Boolean(qr.modules.data[i]));
    m = { size, dark };
    if (qrCache.size > 500) qrCache.clear();
    qrCache.set(payload, m);
  }
  return m;
}

/** Draws a QR code as vector squares (one rectangle per horizontal run of dark modules). */
export function drawQr(
  doc: PDFKit.PDFDocument,
  payload: string,
  x: number,
  y: number,
  size: number,
): void {
  const m = qrMatrix(payload);
  const quiet = 2;
  const cell = size / (m.size + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill("#ffffff");
  for (let row = 0; row < m.size; row++) {
    let col = 0;
    while (col < m.size) {
      if (!m.dark[row * m.size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < m.size && m.dark[row * m.size + col]) col++;
      // A hair of overlap so no white seams show between modules when rasterised.
      doc.rect(
        x + (quiet + start) * cell,
        y + (quiet + row) * cell,
        (col - start) * cell + 0.05,
        cell + 0.05,
      );
    }
  }
  doc.fill("#000000");
  doc.restore();
}

/** Footer: a rule, the footer text and the page number. */
export function drawFooter(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  text: string,
  pageLabel: string,
): void {
  const y = PAGE.height - PAGE.margin - 26;
  doc.rect(PAGE.margin, y - 5, CONTENT_WIDTH, 0.6).fill(COLORS.rule);
  const pageW = 90;
  drawText(doc, text, {
    x: frame.x(0, CONTENT_WIDTH - pageW),
    y,
    width: CONTENT_WIDTH - pageW,
    dir: frame.dir,
    size: 7.5,
    color: COLORS.muted,
    maxLines: 2,
  });
  drawText(doc, pageLabel, {
    x: frame.x(CONTENT_WIDTH - pageW, pageW),
    y,
    width: pageW,
    dir: frame.dir,
    size: 7.5,
    align: "end",
    color: COLORS.muted,
  });
}
