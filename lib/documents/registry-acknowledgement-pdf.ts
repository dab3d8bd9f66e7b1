import { drawDocumentHeader } from "./document-header";
import { drawBlockRow, type BlockStyle } from "./field-blocks";
import {
  COLORS,
  CONTENT_WIDTH,
  PAGE,
  createDocument,
  documentBuffer,
  drawFooter,
  drawQr,
  frameFor,
  type Frame,
} from "./page-frame";
import type { AcknowledgementDocument } from "./registry-document";
import { drawTableHeader, drawTableRow, type Column } from "./table";
import { drawText } from "./text-layout";

/**
 * The acknowledgement of a letter deposited with the mail registry, on one A4 page: number and
 * date-time, sender, subject, the documents received with their SHA-256 fingerprints, the date
 * the answer is due, the tracking code and a QR code to the tracking page. Every value is drawn
 * as text: a subject typed as HTML prints as those very characters.
 */
const W = CONTENT_WIDTH;
const GAP = 10;
const FOOTER_TOP = PAGE.height - PAGE.margin - 34;
const STYLE: BlockStyle = {
  padding: 8,
  titleSize: 10,
  leadSize: 10.5,
  field: { size: 9, bold: true },
};

function drawHeader(doc: PDFKit.PDFDocument, frame: Frame, d: AcknowledgementDocument): number {
  const bottom = drawDocumentHeader(doc, frame, d.utility, {
    utilityShare: 0.5,
    title: d.labels.ackTitle,
    titleSize: 20,
    body: ({ start, width, y }) => {
      const text = { x: frame.x(start, width), width, dir: frame.dir, align: "end" } as const;
      let at = y + 2;
      at += drawText(doc, d.labels.number, { ...text, y: at, size: 9, color: COLORS.muted });
      at += drawText(doc, d.registryNo, { ...text, y: at, size: 15, bold: true });
      at += drawText(doc, `${d.labels.registeredAt}: ${d.registeredAt}`, {
        ...text,
        y: at,
        size: 9,
      });
      return at - y;
    },
  });
  return bottom + 12;
}

function drawAttachments(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  d: AcknowledgementDocument,
  y: number,
): number {
  const l = d.labels;
  let at = y;
  at += drawText(doc, l.attachments, {
    x: frame.x(0, W),
    y: at,
    width: W,
    dir: frame.dir,
    size: 11,
    bold: true,
    color: COLORS.brandDark,
  });
  if (!d.attachments.length) {
    at += drawText(doc, l.noAttachments, {
      x: frame.x(0, W),
      y: at + 2,
      width: W,
      dir: frame.dir,
      size: 9.5,
      color: COLORS.muted,
    });
    return at - y + 4;
  }
  const columns: Column[] = [
    { header: `${l.colName} · ${l.colSha}`, width: W - 80 },
    { header: l.colSize, width: 80, numeric: true },
  ];
  at += drawTableHeader(doc, frame, columns, at, 8.5);
  for (const [i, a] of d.attachments.entries()) {
    // The fingerprint is a Latin run: printed whole under the name, in a size that fits a line.
    const cells = [{ text: a.name, detail: a.sha256, bold: true }, a.size];
    at += drawTableRow(doc, frame, columns, cells, at, { size: 9, shade: i % 2 === 1 });
  }
  return at - y;
}

function drawTracking(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  d: AcknowledgementDocument,
  y: number,
): void {
  const l = d.labels;
  const height = 150;
  const dueW = 230;
  // The due date and the tracking code on a band nobody misses.
  doc.rect(frame.x(0, dueW), y, dueW, height).fill(COLORS.brand);
  const band = {
    x: frame.x(12, dueW - 24),
    width: dueW - 24,
    dir: frame.dir,
    color: "#ffffff",
  } as const;
  let at = y + 12;
  at += drawText(doc, l.due, { ...band, y: at, size: 10.5 });
  at += drawText(doc, d.due, { ...band, y: at, size: 17, bold: true }) + 10;
  at += drawText(doc, l.trackingCode, { ...band, y: at, size: 10.5 });
  drawText(doc, d.trackingCode, { ...band, y: at, size: 20, bold: true });

  const start = dueW + GAP;
  const width = W - start;
  doc.roundedRect(frame.x(start, width), y, width, height, 4).lineWidth(0.6).stroke(COLORS.rule);
  const qr = 126;
  drawQr(doc, d.trackUrl, frame.x(start + 10, qr), y + (height - qr) / 2, qr);
  const textStart = start + qr + 20;
  const textW = width - qr - 30;
  const text = { x: frame.x(textStart, textW), width: textW, dir: frame.dir } as const;
  let t = y + 12;
  t +=
    drawText(doc, l.qrTitle, { ...text, y: t, size: 11, bold: true, color: COLORS.brandDark }) + 2;
  t += drawText(doc, l.qrHint, { ...text, y: t, size: 8.5, color: COLORS.muted, maxLines: 5 }) + 4;
  drawText(doc, d.registryNo, { ...text, y: t, size: 11, bold: true });
}

function draw(doc: PDFKit.PDFDocument, d: AcknowledgementDocument): void {
  const frame = frameFor(d.locale);
  const l = d.labels;
  let y = drawHeader(doc, frame, d);
  y +=
    drawBlockRow(
      doc,
      frame,
      [
        {
          title: l.sender,
          fields: [
            ["", d.sender.name],
            [l.nationalId, d.sender.nationalId],
            [l.contact, d.sender.contact],
            [l.contractNo, d.sender.contractNo],
          ],
        },
        {
          title: l.letter,
          fields: [
            [l.category, d.category],
            [l.channel, d.channel],
          ],
        },
      ],
      { y, width: W, gap: GAP },
      STYLE,
    ) + 12;
  y += drawText(doc, l.subject, {
    x: frame.x(0, W),
    y,
    width: W,
    dir: frame.dir,
    size: 9,
    color: COLORS.muted,
  });
  y +=
    drawText(doc, d.subject, {
      x: frame.x(0, W),
      y,
      width: W,
      dir: frame.dir,
      size: 11.5,
      bold: true,
      maxLines: 3,
    }) + 12;
  y += drawAttachments(doc, frame, d, y) + 16;
  // Ten documents with long names can push the tracking box off the page: it moves to a second.
  if (y > FOOTER_TOP - 160) {
    drawFooter(doc, frame, l.footer, "");
    doc.addPage();
    y = PAGE.margin;
  }
  drawTracking(doc, frame, d, y);
  drawFooter(doc, frame, l.footer, "");
}

function newDocument(d: AcknowledgementDocument): PDFKit.PDFDocument {
  return createDocument({
    locale: d.locale,
    title: `${d.labels.ackTitle} ${d.registryNo}`,
    author: d.utility.name,
  });
}

/** The acknowledgement as a PDF stream. */
export function renderAcknowledgementPdf(d: AcknowledgementDocument): PDFKit.PDFDocument {
  const doc = newDocument(d);
  draw(doc, d);
  doc.end();
  return doc;
}

/** The acknowledgement into a Buffer (tests). */
export function renderAcknowledgementPdfBuffer(d: AcknowledgementDocument): Promise<Buffer> {
  const doc = newDocument(d);
  const done = documentBuffer(doc);
  draw(doc, d);
  doc.end();
  return done;
}
