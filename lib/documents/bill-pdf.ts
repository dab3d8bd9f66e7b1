import { drawDocumentHeader } from "./document-header";
import { drawConsumptionChart } from "./bill-chart";
import { fillLabel, withLabel, type BillDocument } from "./bill-document";
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

const W = CONTENT_WIDTH;
const GAP = 10;

/** The bill's boxes: dense, to keep a usual bill on one page. */
const BLOCK_STYLE: BlockStyle = { padding: 7, titleSize: 9.5, leadSize: 9, field: { size: 8.5 } };

/** The customer, contract and meter boxes, side by side at one height. */
function drawInfoBlocks(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  data: BillDocument,
  y: number,
): number {
  const { labels: l, customer, contract, premises, meter, bill } = data;
  const blocks: Block[] = [
    {
      title: l.customer,
      fields: [
        ["", customer.name],
        [l.customerNo, customer.customerNo],
        [l.premises, premises.address],
      ],
    },
    {
      title: l.contract,
      fields: [
        [l.contractNo, contract.contractNo],
        [l.service, contract.service],
        [l.tariff, contract.tariffName],
        [l.category, contract.category],
      ],
    },
    {
      title: l.meter,
      fields: [
        [l.meterSerial, meter.serial],
        ...(meter.swap?.rows.map((r): [string, string] => [r.label, r.value]) ?? []),
        [l.previousIndex, meter.previousIndex],
        [l.newIndex, meter.newIndex],
        [meter.swap?.totalLabel ?? l.consumption, `${meter.consumption} ${meter.unit}`],
        [l.readingType, bill.readingType],
      ],
    },
  ];
  return drawBlockRow(doc, frame, blocks, { y, width: W, gap: GAP }, BLOCK_STYLE);
}

/** Totals, then the amount due and the due date as the two things nobody should miss. */
function drawTotals(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  data: BillDocument,
  start: number,
  width: number,
  y: number,
): number {
  const { labels: l, totals, bill } = data;
  const inner = width - 16;
  const rows: [string, string, boolean][] = [
    [l.totalBeforeTax, totals.beforeTax, false],
    [l.totalTax, totals.tax, false],
    [l.totalBill, totals.total, true],
    [l.arrears, totals.arrears, false],
  ];
  const drawRows = (dry: boolean) => {
    let at = y + 5;
    for (const [label, value, bold] of rows) {
      at += drawField(
        doc,
        frame,
        { start: start + 8, width: inner, y: at, dry },
        label,
        money(value, bill.currency),
        { size: 9.5, bold },
      );
    }
    return at + 4;
  };
  let at = drawRows(true);
  doc.rect(frame.x(start, width), y, width, at - y).fill(COLORS.tint);
  drawRows(false);
  const text = { x: frame.x(start + 8, inner), width: inner, dir: frame.dir, bold: true } as const;
  const bandH = 52;
  doc.rect(frame.x(start, width), at, width, bandH).fill(COLORS.brand);
  drawText(doc, l.amountDue, { ...text, y: at + 4, size: 12, color: "#ffffff" });
  drawText(doc, money(totals.amountDue, bill.currency), {
    ...text,
    y: at + 21,
    size: 19,
    align: "end",
    color: "#ffffff",
  });
  at += bandH;
  const dueH = 22;
  doc.rect(frame.x(start, width), at, width, dueH).fill(COLORS.accent);
  drawText(doc, l.payBefore, { ...text, y: at + 3, size: 10.5, color: COLORS.ink });
  drawText(doc, bill.dueDate, { ...text, y: at + 3, size: 10.5, align: "end", color: COLORS.ink });
  return at + dueH - y;
}

/** The QR code and the payment reference beside it. */
function drawPayment(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  data: BillDocument,
  box: { start: number; width: number; y: number; height: number },
): void {
  const { labels: l, bill } = data;
  const { start, width, y, height } = box;
  doc.roundedRect(frame.x(start, width), y, width, height, 4).lineWidth(0.6).stroke(COLORS.rule);
  const qr = Math.min(100, height - 16);
  const textStart = start + qr + 16;
  const textW = width - qr - 24;
  drawQr(doc, data.qrPayload, frame.x(start + 8, qr), y + (height - qr) / 2, qr);
  const text = { x: frame.x(textStart, textW), width: textW, dir: frame.dir } as const;
  let at = y + 8;
  at += drawText(doc, l.payTitle, {
    ...text,
    y: at,
    size: 10.5,
    bold: true,
    color: COLORS.brandDark,
  });
  at += 3;
  at += drawText(doc, l.paymentReference, { ...text, y: at, size: 8, color: COLORS.muted });
  at += drawText(doc, bill.paymentReference, { ...text, y: at, size: 11.5, bold: true });
  at += 4;
  drawText(doc, l.payHint, { ...text, y: at, size: 7.5, color: COLORS.muted, maxLines: 5 });
}

/** Top band: utility at the start side, the bill's title, number and dates at the end side. */
function drawHeader(doc: PDFKit.PDFDocument, frame: Frame, data: BillDocument): number {
  const { labels: l, bill } = data;
  const bottom = drawDocumentHeader(doc, frame, data.utility, {
    utilityShare: 0.56,
    title: l.title,
    titleSize: 20,
    fields: [
      [l.billNo, bill.billNo],
      [l.issuedAt, bill.issuedAt],
      [l.dueDate, bill.dueDate],
      [l.status, bill.status],
    ],
  });
  return bottom + 10;
}

/** The period line, and the estimated-reading notice when there is one. */
function drawPeriod(doc: PDFKit.PDFDocument, frame: Frame, data: BillDocument, y: number): number {
  const { labels: l, bill } = data;
  const period = withLabel(
    data.locale,
    l.period,
    `${bill.periodStart} – ${bill.periodEnd} (${fillLabel(l.days, { days: bill.days })})`,
  );
  let at = y;
  at += drawText(doc, period, {
    x: frame.x(0, W),
    y: at,
    width: W,
    dir: frame.dir,
    size: 9.5,
    bold: true,
  });
  if (bill.estimated) {
    const h = drawText(doc, l.estimatedNotice, {
      x: frame.x(8, W - 16),
      y: at + 3,
      width: W - 16,
      dir: frame.dir,
      size: 8.5,
      dry: true,
    });
    doc.rect(PAGE.margin, at, W, h + 6).fill(COLORS.warnBg);
    drawText(doc, l.estimatedNotice, {
      x: frame.x(8, W - 16),
      y: at + 3,
      width: W - 16,
      dir: frame.dir,
      size: 8.5,
      bold: true,
      color: COLORS.warnInk,
    });
    at += h + 6;
  }
  return at - y + 4;
}

function lineColumns(data: BillDocument): Column[] {
  const l = data.labels;
  return [
    { header: l.colDescription, width: W - 340 },
    { header: l.colQuantity, width: 46, numeric: true },
    { header: l.colUnitPrice, width: 54, numeric: true },
    { header: l.colAmount, width: 62, numeric: true },
    { header: l.colTaxRate, width: 46, numeric: true },
    { header: l.colTax, width: 54, numeric: true },
    { header: l.colTotal, width: 78, numeric: true },
  ];
}

function drawBill(doc: PDFKit.PDFDocument, data: BillDocument): void {
  const frame = frameFor(data.locale);
  let y = drawHeader(doc, frame, data);
  y += drawInfoBlocks(doc, frame, data, y) + 8;
  y += drawPeriod(doc, frame, data, y);

  const columns = lineColumns(data);
  y += drawText(doc, data.labels.linesTitle, {
    x: frame.x(0, W),
    y,
    width: W,
    dir: frame.dir,
    size: 10,
    bold: true,
    color: COLORS.brandDark,
  });
  y += drawTableHeader(doc, frame, columns, y);
  // Totals, payment and chart take this much under the table; lines that would push them off
  // the page continue on the next one under a repeated header.
  const tail = 330;
  const pageBottom = PAGE.height - PAGE.margin - 40;
  data.lines.forEach((line, i) => {
    const cells = [
      { text: line.label, detail: line.detail },
      line.quantity,
      line.unitPrice,
      line.amount,
      line.taxRate,
      line.tax,
      { text: line.total, bold: true },
    ];
    const last = i === data.lines.length - 1;
    const limit = last ? PAGE.height - tail : pageBottom;
    if (y + measureTableRow(doc, frame, columns, cells) > limit) {
      doc.addPage();
      y = PAGE.margin;
      y += drawTableHeader(doc, frame, columns, y);
    }
    y += drawTableRow(doc, frame, columns, cells, y, { shade: i % 2 === 1 });
  });
  if (y > PAGE.height - tail) {
    doc.addPage();
    y = PAGE.margin;
  }
  y += 12;

  const totalsW = 250;
  const totalsH = drawTotals(doc, frame, data, W - totalsW, totalsW, y);
  drawPayment(doc, frame, data, { start: 0, width: W - totalsW - GAP, y, height: totalsH });
  y += totalsH + 16;

  const footerTop = PAGE.height - PAGE.margin - 34;
  drawConsumptionChart(doc, frame, data, y, W, Math.min(175, footerTop - y - 8));
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    drawFooter(
      doc,
      frame,
      data.labels.footer,
      fillLabel(data.labels.page, { page: i + 1, pages: range.count }),
    );
  }
}

function newBillDocument(data: BillDocument): PDFKit.PDFDocument {
  return createDocument({
    locale: data.locale,
    title: `${data.labels.title} ${data.bill.billNo}`,
    author: data.utility.name,
    subject: `${data.labels.title} ${data.bill.billNo} – ${data.customer.name}`,
    bufferPages: true,
  });
}

/**
 * Renders a bill as a PDF stream: pipe it into a response or a file. One A4 page for a usual
 * bill (a long list of lines continues on a second page); mirrored for Arabic.
 */
export function renderBillPdf(data: BillDocument): PDFKit.PDFDocument {
  const doc = newBillDocument(data);
  drawBill(doc, data);
  doc.end();
  return doc;
}

/** Renders a bill into a Buffer (tests, e-mail attachments, the bench). */
export function renderBillPdfBuffer(data: BillDocument): Promise<Buffer> {
  const doc = newBillDocument(data);
  const done = documentBuffer(doc);
  drawBill(doc, data);
  doc.end();
  return done;
}
