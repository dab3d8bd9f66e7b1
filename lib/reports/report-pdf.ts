import type { DocLocale, DocUtility } from "@/lib/documents/bill-document";
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
} from "@/lib/documents/page-frame";
import {
  drawTableHeader,
  drawTableRow,
  measureTableRow,
  type Cell,
  type Column,
} from "@/lib/documents/table";
import { drawText } from "@/lib/documents/text-layout";

/** A table of the monthly report: its title, columns (widths as shares of the page) and rows. */
export type ReportTable = {
  title: string;
  columns: { header: string; share: number; numeric?: boolean }[];
  rows: Cell[][];
  empty?: string;
};

/** Everything the monthly report prints, already translated and formatted. */
export type MonthlyReportDocument = {
  locale: DocLocale;
  utility: DocUtility;
  title: string;
  lines: string[];
  tables: ReportTable[];
  footer: string;
  /** "Page {page} of {pages}" in the reader's language. */
  pageLabel: (page: number, pages: number) => string;
};

const W = CONTENT_WIDTH;
const BOTTOM = PAGE.height - PAGE.margin - 40;

function drawHeader(doc: PDFKit.PDFDocument, frame: Frame, data: MonthlyReportDocument): number {
  const y = PAGE.margin;
  const utilityW = W * 0.52;
  const h = drawUtilityHeader(doc, frame, data.utility, y, utilityW);
  const boxW = W - utilityW - 10;
  const text = { x: frame.x(W - boxW, boxW), width: boxW, dir: frame.dir, align: "end" } as const;
  let at = y - 4;
  at += drawText(doc, data.title, {
    ...text,
    y: at,
    size: 17,
    bold: true,
    color: COLORS.brandDark,
  });
  for (const line of data.lines) at += drawText(doc, line, { ...text, y: at, size: 9.5 });
  const bottom = Math.max(y + h, at) + 6;
  doc.rect(PAGE.margin, bottom, W, 2).fill(COLORS.brand);
  doc.rect(frame.x(0, 90), bottom, 90, 2).fill(COLORS.accent);
  return bottom + 12;
}

function drawTables(doc: PDFKit.PDFDocument, data: MonthlyReportDocument): void {
  const frame = frameFor(data.locale);
  let y = drawHeader(doc, frame, data);
  for (const table of data.tables) {
    const cols: Column[] = table.columns.map((c) => ({
      header: c.header,
      width: W * c.share,
      numeric: c.numeric,
    }));
    const titleH = 22;
    // A title never ends a page alone: keep it with its header and first row.
    const firstRow = table.rows[0] ? measureTableRow(doc, frame, cols, table.rows[0]) : 14;
    if (y + titleH + 20 + firstRow > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
    }
    drawText(doc, table.title, {
      x: frame.x(0, W),
      y,
      width: W,
      dir: frame.dir,
      size: 11.5,
      bold: true,
      color: COLORS.brandDark,
    });
    y += titleH;
    y += drawTableHeader(doc, frame, cols, y);
    if (!table.rows.length && table.empty) {
      y += drawText(doc, table.empty, {
        x: frame.x(0, W),
        y: y + 4,
        width: W,
        dir: frame.dir,
        size: 9,
        color: COLORS.muted,
      });
    }
    table.rows.forEach((cells, i) => {
      if (y + measureTableRow(doc, frame, cols, cells) > BOTTOM) {
        doc.addPage();
        y = PAGE.margin;
        y += drawTableHeader(doc, frame, cols, y);
      }
      y += drawTableRow(doc, frame, cols, cells, y, { shade: i % 2 === 1 });
    });
    y += 14;
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    drawFooter(doc, frame, data.footer, data.pageLabel(i + 1, range.count));
  }
}

/** The monthly report as a PDF stream: header, then each table, breaking pages between rows. */
export function renderMonthlyReportPdf(data: MonthlyReportDocument): PDFKit.PDFDocument {
  const doc = createDocument({
    locale: data.locale,
    title: data.title,
    author: data.utility.name,
    bufferPages: true,
  });
  drawTables(doc, data);
  doc.end();
  return doc;
}

/** The monthly report into a Buffer (tests, e-mail). */
export function renderMonthlyReportPdfBuffer(data: MonthlyReportDocument): Promise<Buffer> {
  const doc = createDocument({
    locale: data.locale,
    title: data.title,
    author: data.utility.name,
    bufferPages: true,
  });
  const done = documentBuffer(doc);
  drawTables(doc, data);
  doc.end();
  return done;
}
