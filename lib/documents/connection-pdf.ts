import { drawDocumentHeader } from "./document-header";
import type { DocLocale, DocUtility } from "./bill-document";
import { drawBlockRow, type Block, type BlockStyle } from "./field-blocks";
import {
  COLORS,
  CONTENT_WIDTH,
  createDocument,
  documentBuffer,
  drawFooter,
  drawQr,
  frameFor,
  type Frame,
} from "./page-frame";
import { drawTableHeader, drawTableRow, type Column } from "./table";
import { drawText } from "./text-layout";

/**
 * A connection request's paper: the acknowledgement given on filing (number, date and time,
 * documents received, next step and its deadline, QR code to the tracking page) or its quote
 * (lines, total). One A4 page, mirrored for Arabic like the bill and the receipt.
 */
export type ConnectionPdf = {
  locale: DocLocale;
  utility: DocUtility;
  title: string;
  /** Number, date, status: the box at the end side of the header. */
  headerFields: [string, string][];
  blocks: Block[];
  table: {
    title: string;
    columns: [string, string];
    rows: [string, string][];
    total?: [string, string];
  };
  /** The next step and its deadline, or the way to pay. */
  next: { title: string; lines: string[] };
  qr: { url: string; title: string; hint: string };
  footer: string;
};

const W = CONTENT_WIDTH;
const GAP = 10;
const BLOCK_STYLE: BlockStyle = {
  padding: 8,
  titleSize: 10,
  leadSize: 10,
  field: { size: 9, bold: true },
};

function drawHeader(doc: PDFKit.PDFDocument, frame: Frame, data: ConnectionPdf): number {
  const bottom = drawDocumentHeader(doc, frame, data.utility, {
    utilityShare: 0.5,
    title: data.title,
    titleSize: 18,
    fields: data.headerFields,
  });
  return bottom + 12;
}

function drawTable(doc: PDFKit.PDFDocument, frame: Frame, data: ConnectionPdf, y: number): number {
  const { table } = data;
  let at = y;
  at += drawText(doc, table.title, {
    x: frame.x(0, W),
    y: at,
    width: W,
    dir: frame.dir,
    size: 11,
    bold: true,
    color: COLORS.brandDark,
  });
  at += 4;
  const columns: Column[] = [
    { header: table.columns[0], width: W - 160 },
    { header: table.columns[1], width: 160, numeric: true },
  ];
  at += drawTableHeader(doc, frame, columns, at, 8.5);
  for (const [i, row] of table.rows.entries())
    at += drawTableRow(doc, frame, columns, row, at, { size: 9.5, shade: i % 2 === 1 });
  if (table.total)
    at += drawTableRow(
      doc,
      frame,
      columns,
      [
        { text: table.total[0], bold: true },
        { text: table.total[1], bold: true },
      ],
      at,
      { size: 11 },
    );
  return at - y;
}

function drawNextAndQr(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  data: ConnectionPdf,
  y: number,
): void {
  const qrBoxW = 220;
  const nextW = W - qrBoxW - GAP;
  const text = { x: frame.x(8, nextW - 16), width: nextW - 16, dir: frame.dir } as const;
  let at = y + 8;
  at += drawText(doc, data.next.title, {
    ...text,
    y: at,
    size: 11,
    bold: true,
    color: COLORS.brandDark,
  });
  for (const line of data.next.lines)
    at += drawText(doc, line, { ...text, y: at + 2, size: 9.5 }) + 2;
  const height = Math.max(at - y + 8, 130);
  doc.roundedRect(frame.x(0, nextW), y, nextW, height, 4).lineWidth(0.6).stroke(COLORS.rule);

  const start = nextW + GAP;
  doc.roundedRect(frame.x(start, qrBoxW), y, qrBoxW, height, 4).lineWidth(0.6).stroke(COLORS.rule);
  const qr = Math.min(104, height - 14);
  drawQr(doc, data.qr.url, frame.x(start + 8, qr), y + (height - qr) / 2, qr);
  const tw = qrBoxW - qr - 26;
  const qt = { x: frame.x(start + qr + 18, tw), width: tw, dir: frame.dir } as const;
  let q = y + 8;
  q += drawText(doc, data.qr.title, { ...qt, y: q, size: 10, bold: true, color: COLORS.brandDark });
  drawText(doc, data.qr.hint, { ...qt, y: q + 2, size: 8, color: COLORS.muted, maxLines: 6 });
}

function draw(doc: PDFKit.PDFDocument, data: ConnectionPdf): void {
  const frame = frameFor(data.locale);
  let y = drawHeader(doc, frame, data);
  y += drawBlockRow(doc, frame, data.blocks, { y, width: W, gap: GAP }, BLOCK_STYLE) + 14;
  y += drawTable(doc, frame, data, y) + 16;
  drawNextAndQr(doc, frame, data, y);
  drawFooter(doc, frame, data.footer, "");
}

/** Renders the acknowledgement or the quote into a Buffer. */
export function renderConnectionPdfBuffer(data: ConnectionPdf): Promise<Buffer> {
  const doc = createDocument({ locale: data.locale, title: data.title, author: data.utility.name });
  const done = documentBuffer(doc);
  draw(doc, data);
  doc.end();
  return done;
}
