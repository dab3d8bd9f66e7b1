import { drawDocumentHeader } from "./document-header";
import { fillLabel, withLabel, type StatementDocument } from "./bill-document";
import {
  CONTENT_WIDTH,
  PAGE,
  createDocument,
  documentBuffer,
  drawFooter,
  frameFor,
  type Frame,
} from "./page-frame";
import { drawTableHeader, drawTableRow, measureTableRow, type Cell, type Column } from "./table";
import { drawText } from "./text-layout";

const W = CONTENT_WIDTH;
// Rows stop above the footer.
const BOTTOM = PAGE.height - PAGE.margin - 40;

function columns(data: StatementDocument): Column[] {
  const l = data.labels;
  return [
    { header: l.colDate, width: 68 },
    { header: l.colDescription, width: W - 68 - 3 * 84 },
    { header: l.colDebit, width: 84, numeric: true },
    { header: l.colCredit, width: 84, numeric: true },
    { header: l.colBalance, width: 84, numeric: true },
  ];
}

/** Utility, title and period; on later pages the title says the table continues. */
function drawPageHeader(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  data: StatementDocument,
  first: boolean,
): number {
  const { labels: l } = data;
  const bottom = drawDocumentHeader(doc, frame, data.utility, {
    utilityShare: 0.56,
    title: first ? l.title : `${l.title} (${l.continued})`,
    titleSize: 17,
    body: ({ start, width, y }) =>
      drawText(doc, withLabel(data.locale, l.period, `${data.from} – ${data.to}`), {
        x: frame.x(start, width),
        y,
        width,
        dir: frame.dir,
        align: "end",
        size: 9.5,
      }),
  });
  return bottom + 10;
}

/** Customer and contract on the first page. */
function drawParties(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  data: StatementDocument,
  y: number,
): number {
  const { labels: l, customer, contract } = data;
  const pairs: [string, string | undefined][] = [
    [l.customer, customer.name],
    [l.customerNo, customer.customerNo],
    [l.contractNo, contract.contractNo],
    [l.service, contract.service],
  ];
  const colW = W / 2 - 6;
  let left = 0;
  let right = 0;
  pairs.forEach(([label, value], i) => {
    if (!value) return;
    const start = i % 2 === 0 ? 0 : W / 2 + 6;
    const at = y + (i % 2 === 0 ? left : right);
    const used = drawText(doc, withLabel(data.locale, label, value), {
      x: frame.x(start, colW),
      y: at,
      width: colW,
      dir: frame.dir,
      size: 9.5,
    });
    if (i % 2 === 0) left += used;
    else right += used;
  });
  return Math.max(left, right) + 8;
}

function drawStatement(doc: PDFKit.PDFDocument, data: StatementDocument): void {
  const frame = frameFor(data.locale);
  const cols = columns(data);
  const { labels: l, currency } = data;
  const balanceRow = (label: string, value: string): Cell[] => [
    "",
    { text: label, bold: true },
    "",
    "",
    { text: `${value} ${currency}`, bold: true },
  ];
  let y = drawPageHeader(doc, frame, data, true);
  y += drawParties(doc, frame, data, y);
  y += drawTableHeader(doc, frame, cols, y);
  const rows: { cells: Cell[]; shade: boolean }[] = [
    { cells: balanceRow(l.openingBalance, data.openingBalance), shade: true },
    ...data.rows.map((r, i) => ({
      cells: [r.date, r.description, r.debit, r.credit, { text: r.balance, bold: true }] as Cell[],
      shade: i % 2 === 1,
    })),
    { cells: balanceRow(l.closingBalance, data.closingBalance), shade: true },
  ];
  for (const row of rows) {
    if (y + measureTableRow(doc, frame, cols, row.cells) > BOTTOM) {
      doc.addPage();
      y = drawPageHeader(doc, frame, data, false);
      y += drawTableHeader(doc, frame, cols, y);
    }
    y += drawTableRow(doc, frame, cols, row.cells, y, { shade: row.shade });
  }
  // Page numbers need the page count: pages stay buffered until here.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    drawFooter(doc, frame, l.footer, fillLabel(l.page, { page: i + 1, pages: range.count }));
  }
}

function newStatementDocument(data: StatementDocument): PDFKit.PDFDocument {
  return createDocument({
    locale: data.locale,
    title: `${data.labels.title} ${data.contract.contractNo}`,
    author: data.utility.name,
    subject: `${data.labels.title} ${data.from} – ${data.to}`,
    bufferPages: true,
  });
}

/**
 * Renders an account statement as a PDF stream: opening balance, one row per movement with
 * the running balance, closing balance; the column header repeats on every page.
 */
export function renderStatementPdf(data: StatementDocument): PDFKit.PDFDocument {
  const doc = newStatementDocument(data);
  drawStatement(doc, data);
  doc.end();
  return doc;
}

/** Renders an account statement into a Buffer. */
export function renderStatementPdfBuffer(data: StatementDocument): Promise<Buffer> {
  const doc = newStatementDocument(data);
  const done = documentBuffer(doc);
  drawStatement(doc, data);
  doc.end();
  return done;
}
