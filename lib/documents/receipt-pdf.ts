import { drawDocumentHeader } from "./document-header";
import type { ReceiptDocument } from "./receipt-document";
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
import { drawTableHeader, drawTableRow, measureTableRow, type Column } from "./table";
import { drawBlockRow, drawField, money, type Block, type BlockStyle } from "./field-blocks";
import { drawText } from "./text-layout";

/**
 * A payment receipt on one A4 page: who paid, for which contract, how, which bills the money
 * settled and what is left as a credit, with a QR code to the public check of its signature.
 * Mirrored for Arabic like the bill (page-frame's Frame), drawn with the same bidi text layout.
 */
const W = CONTENT_WIDTH;
const GAP = 10;
// The footer starts here; bills that would run into it are summed up on one last line.
const FOOTER_TOP = PAGE.height - PAGE.margin - 34;

/** The receipt's boxes: roomier than the bill's, values in bold. */
const BLOCK_STYLE: BlockStyle = {
  padding: 8,
  titleSize: 10,
  leadSize: 10,
  field: { size: 9, bold: true },
};

/** Utility at the start side; title, number, date and status at the end side. */
function drawHeader(doc: PDFKit.PDFDocument, frame: Frame, data: ReceiptDocument): number {
  const { labels: l, receipt } = data;
  const bottom = drawDocumentHeader(doc, frame, data.utility, {
    utilityShare: 0.52,
    title: l.title,
    titleSize: 22,
    fields: [
      [l.receiptNo, receipt.receiptNo],
      [l.receivedAt, receipt.receivedAt],
      [l.status, receipt.status],
    ],
  });
  return bottom + 12;
}

/** The payer and the payment, side by side at one height. */
function drawInfo(doc: PDFKit.PDFDocument, frame: Frame, data: ReceiptDocument, y: number): number {
  const { labels: l, payer, contract, receipt } = data;
  const blocks: Block[] = [
    {
      title: l.payer,
      fields: [
        ["", payer.name],
        [l.customerNo, payer.customerNo],
        [l.contractNo, contract.contractNo],
        [l.service, contract.service],
      ],
    },
    {
      title: l.payment,
      fields: [
        [l.method, receipt.method],
        [l.reference, receipt.reference],
        [l.agency, receipt.agency],
      ],
    },
  ];
  return drawBlockRow(doc, frame, blocks, { y, width: W, gap: GAP }, BLOCK_STYLE);
}

/** The bills the payment settled; returns the height used. */
function drawBills(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  data: ReceiptDocument,
  y: number,
  limit: number,
): number {
  const { labels: l, receipt } = data;
  const columns: Column[] = [
    { header: l.colBill, width: 150 },
    { header: l.colPeriod, width: W - 150 - 140 },
    { header: l.colAllocated, width: 140, numeric: true },
  ];
  let at = y;
  at += drawText(doc, l.billsTitle, {
    x: frame.x(0, W),
    y: at,
    width: W,
    dir: frame.dir,
    size: 11,
    bold: true,
    color: COLORS.brandDark,
  });
  if (!data.bills.length) {
    at += drawText(doc, l.noBills, {
      x: frame.x(0, W),
      y: at + 2,
      width: W,
      dir: frame.dir,
      size: 9.5,
      color: COLORS.muted,
    });
    return at - y + 4;
  }
  at += drawTableHeader(doc, frame, columns, at, 8.5);
  for (const [i, bill] of data.bills.entries()) {
    const cells = [
      { text: bill.billNo, bold: true },
      bill.period,
      money(bill.allocated, receipt.currency),
    ];
    const h = measureTableRow(doc, frame, columns, cells, 9);
    // A receipt stays on one page: a payment of dozens of bills lists those that fit, then
    // says how many more there are.
    if (at + 2 * h > limit && i < data.bills.length - 1) {
      at += drawTableRow(doc, frame, columns, [`+ ${data.bills.length - i}`, "", ""], at, {
        size: 9,
      });
      break;
    }
    at += drawTableRow(doc, frame, columns, cells, at, { size: 9, shade: i % 2 === 1 });
  }
  return at - y;
}

/** Allocated, credit, refunded, then the total paid on a band nobody misses. */
function drawTotals(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  data: ReceiptDocument,
  box: { start: number; width: number; y: number },
): number {
  const { labels: l, totals, receipt } = data;
  const { start, width, y } = box;
  const inner = width - 16;
  const rows: [string, string | undefined][] = [
    [l.allocatedTotal, totals.allocated],
    [l.credit, totals.credit],
    [l.refunded, totals.refunded],
  ];
  const drawRows = (dry: boolean) => {
    let at = y + 6;
    for (const [label, value] of rows) {
      if (!value) continue;
      at += drawField(
        doc,
        frame,
        { start: start + 8, width: inner, y: at, dry },
        label,
        money(value, receipt.currency),
        { size: 10 },
      );
    }
    return at + 4;
  };
  let at = drawRows(true);
  doc.rect(frame.x(start, width), y, width, at - y).fill(COLORS.tint);
  drawRows(false);
  const text = { x: frame.x(start + 8, inner), width: inner, dir: frame.dir, bold: true } as const;
  const bandH = 56;
  doc.rect(frame.x(start, width), at, width, bandH).fill(COLORS.brand);
  drawText(doc, l.totalPaid, { ...text, y: at + 5, size: 12, color: "#ffffff" });
  drawText(doc, money(totals.total, receipt.currency), {
    ...text,
    y: at + 23,
    size: 20,
    align: "end",
    color: "#ffffff",
  });
  at += bandH;
  return at - y;
}

/** The QR code to the public check, and what it is for. */
function drawVerify(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  data: ReceiptDocument,
  box: { start: number; width: number; y: number; height: number },
): void {
  const { labels: l } = data;
  const { start, width, y, height } = box;
  doc.roundedRect(frame.x(start, width), y, width, height, 4).lineWidth(0.6).stroke(COLORS.rule);
  const qr = Math.min(104, height - 14);
  drawQr(doc, data.verifyUrl, frame.x(start + 8, qr), y + (height - qr) / 2, qr);
  const textStart = start + qr + 18;
  const textW = width - qr - 26;
  const text = { x: frame.x(textStart, textW), width: textW, dir: frame.dir } as const;
  let at = y + 8;
  at += drawText(doc, l.verifyTitle, {
    ...text,
    y: at,
    size: 10.5,
    bold: true,
    color: COLORS.brandDark,
  });
  at += 2;
  at += drawText(doc, l.verifyHint, { ...text, y: at, size: 8, color: COLORS.muted, maxLines: 4 });
  at += 2;
  drawText(doc, data.receipt.receiptNo, { ...text, y: at, size: 11, bold: true });
}

function drawReceipt(doc: PDFKit.PDFDocument, data: ReceiptDocument): void {
  const frame = frameFor(data.locale);
  let y = drawHeader(doc, frame, data);
  y += drawInfo(doc, frame, data, y) + 14;
  // Totals and the QR box need this much under the table.
  const tail = 150;
  y += drawBills(doc, frame, data, y, FOOTER_TOP - tail) + 14;
  const totalsW = 250;
  const totalsH = drawTotals(doc, frame, data, { start: W - totalsW, width: totalsW, y });
  drawVerify(doc, frame, data, {
    start: 0,
    width: W - totalsW - GAP,
    y,
    height: Math.max(totalsH, 120),
  });
  drawFooter(doc, frame, data.labels.footer, "");
}

function newReceiptDocument(data: ReceiptDocument): PDFKit.PDFDocument {
  return createDocument({
    locale: data.locale,
    title: `${data.labels.title} ${data.receipt.receiptNo}`,
    author: data.utility.name,
    subject: `${data.labels.title} ${data.receipt.receiptNo} – ${data.payer.name}`,
  });
}

/** Renders a receipt as a PDF stream (one A4 page, mirrored for Arabic): pipe it anywhere. */
export function renderReceiptPdf(data: ReceiptDocument): PDFKit.PDFDocument {
  const doc = newReceiptDocument(data);
  drawReceipt(doc, data);
  doc.end();
  return doc;
}

/** Renders a receipt into a Buffer (tests, e-mail attachments). */
export function renderReceiptPdfBuffer(data: ReceiptDocument): Promise<Buffer> {
  const doc = newReceiptDocument(data);
  const done = documentBuffer(doc);
  drawReceipt(doc, data);
  doc.end();
  return done;
}
