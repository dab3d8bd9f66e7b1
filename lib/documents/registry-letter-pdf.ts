import { drawBrandRule } from "./document-header";
import {
  COLORS,
  CONTENT_WIDTH,
  PAGE,
  createDocument,
  documentBuffer,
  drawFooter,
  drawUtilityHeader,
  frameFor,
  type Frame,
} from "./page-frame";
import { drawField } from "./field-blocks";
import type { ReplyLetterDocument } from "./registry-document";
import { drawText, measureTextHeight } from "./text-layout";

/**
 * A reply of the utility as a letter: letterhead, the references (outgoing number, the
 * sender's letter and its date), the date, the addressee, the subject and the body, signed by
 * the mail registry office. Long replies continue on further pages, paragraph by paragraph.
 */
const W = CONTENT_WIDTH;
const BODY_SIZE = 11;
const FOOTER_TOP = PAGE.height - PAGE.margin - 40;

/** Paragraphs cut into pieces short enough to move to the next page whole. */
function pieces(body: string): string[] {
  const out: string[] = [];
  for (const paragraph of body.split(/\n{2,}/)) {
    const words = paragraph.split(/(?<=\s)/);
    let current = "";
    for (const word of words) {
      if (current.length + word.length > 700 && current) {
        out.push(current.trimEnd());
        current = "";
      }
      current += word;
    }
    out.push(current.trimEnd());
    out.push("");
  }
  return out;
}

function drawReferences(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  d: ReplyLetterDocument,
  y: number,
): number {
  const boxW = 250;
  const start = W - boxW;
  let at = y;
  for (const [label, value] of [
    [d.labels.ourRef, d.outgoingNo],
    // Number and date on lines of their own: side by side in an Arabic line, the bidi
    // algorithm would interleave the digits of one with the other.
    [d.labels.yourLetter, d.incomingNo],
    [d.labels.yourLetterDate, d.incomingDate],
    [d.labels.date, d.date],
  ] as const)
    at += drawField(doc, frame, { start, width: boxW, y: at }, label, value, {
      size: 9.5,
      bold: true,
    });
  return at - y;
}

function draw(doc: PDFKit.PDFDocument, d: ReplyLetterDocument): void {
  const frame = frameFor(d.locale);
  const text = { x: frame.x(0, W), width: W, dir: frame.dir } as const;
  let y = PAGE.margin;
  const h = drawUtilityHeader(doc, frame, d.utility, y, W * 0.55);
  y += h + 8;
  drawBrandRule(doc, frame, y);
  y += 14;
  y += drawReferences(doc, frame, d, y) + 18;
  y += drawText(doc, `${d.labels.to}: ${d.addressee}`, { ...text, y, size: 11, bold: true }) + 10;
  y +=
    drawText(doc, `${d.labels.object}: ${d.subject}`, {
      ...text,
      y,
      size: 11.5,
      bold: true,
      color: COLORS.brandDark,
    }) + 14;
  for (const piece of pieces(d.body)) {
    if (!piece) {
      y += BODY_SIZE * 0.7;
      continue;
    }
    const height = measureTextHeight(doc, piece, { size: BODY_SIZE, width: W, dir: frame.dir });
    if (y + height > FOOTER_TOP) {
      drawFooter(doc, frame, d.labels.letterFooter, d.outgoingNo);
      doc.addPage();
      y = PAGE.margin;
    }
    y += drawText(doc, piece, { ...text, y, size: BODY_SIZE });
  }
  y += 24;
  if (y + 40 > FOOTER_TOP) {
    drawFooter(doc, frame, d.labels.letterFooter, d.outgoingNo);
    doc.addPage();
    y = PAGE.margin;
  }
  drawText(doc, d.labels.signature, {
    x: frame.x(W - 240, 240),
    y,
    width: 240,
    dir: frame.dir,
    size: 11.5,
    bold: true,
    align: "end",
  });
  drawFooter(doc, frame, d.labels.letterFooter, d.outgoingNo);
}

function newDocument(d: ReplyLetterDocument): PDFKit.PDFDocument {
  return createDocument({
    locale: d.locale,
    title: `${d.outgoingNo} – ${d.subject}`,
    author: d.utility.name,
  });
}

/** The reply letter as a PDF stream. */
export function renderReplyLetterPdf(d: ReplyLetterDocument): PDFKit.PDFDocument {
  const doc = newDocument(d);
  draw(doc, d);
  doc.end();
  return doc;
}

/** The reply letter into a Buffer (tests). */
export function renderReplyLetterPdfBuffer(d: ReplyLetterDocument): Promise<Buffer> {
  const doc = newDocument(d);
  const done = documentBuffer(doc);
  draw(doc, d);
  doc.end();
  return done;
}
