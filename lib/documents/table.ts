import { COLORS, type Frame } from "./page-frame";
import { drawText, measureTextHeight } from "./text-layout";

/**
 * A table drawn row by row. Columns are listed in reading order; on a right-to-left page the
 * first column sits at the right. Text columns align to the start edge, numeric ones to the end.
 */
export type Column = { header: string; width: number; numeric?: boolean };
export type Cell = string | { text: string; detail?: string; bold?: boolean };

const PAD_X = 4;
const PAD_Y = 3;

function cellParts(cell: Cell): { text: string; detail?: string; bold?: boolean } {
  return typeof cell === "string" ? { text: cell } : cell;
}

function columnStarts(columns: Column[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const c of columns) {
    starts.push(at);
    at += c.width;
  }
  return starts;
}

/** Header row on a tinted band; returns its height. */
export function drawTableHeader(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  columns: Column[],
  y: number,
  size = 8,
): number {
  const starts = columnStarts(columns);
  const total = columns.reduce((w, c) => w + c.width, 0);
  const heights = columns.map((c) =>
    measureTextHeight(doc, c.header, {
      size,
      bold: true,
      width: c.width - 2 * PAD_X,
      dir: frame.dir,
    }),
  );
  const h = Math.max(...heights) + 2 * PAD_Y;
  doc.rect(frame.x(0, total), y, total, h).fill(COLORS.brand);
  columns.forEach((c, i) => {
    const w = c.width - 2 * PAD_X;
    drawText(doc, c.header, {
      x: frame.x(starts[i]! + PAD_X, w),
      y: y + PAD_Y + (h - 2 * PAD_Y - heights[i]!),
      width: w,
      dir: frame.dir,
      size,
      bold: true,
      color: "#ffffff",
      align: c.numeric ? "end" : "start",
    });
  });
  return h;
}

/** Height a row of cells will take. */
export function measureTableRow(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  columns: Column[],
  cells: Cell[],
  size = 8.5,
): number {
  let h = 0;
  columns.forEach((c, i) => {
    const part = cellParts(cells[i] ?? "");
    const w = c.width - 2 * PAD_X;
    let ch = measureTextHeight(doc, part.text, { size, bold: part.bold, width: w, dir: frame.dir });
    if (part.detail) {
      ch += measureTextHeight(doc, part.detail, { size: size - 1.5, width: w, dir: frame.dir });
    }
    h = Math.max(h, ch);
  });
  return h + 2 * PAD_Y;
}

/** One row with a hairline under it (and a tint when `shade`); returns its height. */
export function drawTableRow(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  columns: Column[],
  cells: Cell[],
  y: number,
  options: { size?: number; shade?: boolean } = {},
): number {
  const size = options.size ?? 8.5;
  const starts = columnStarts(columns);
  const total = columns.reduce((w, c) => w + c.width, 0);
  const h = measureTableRow(doc, frame, columns, cells, size);
  if (options.shade) doc.rect(frame.x(0, total), y, total, h).fill(COLORS.tint);
  doc.rect(frame.x(0, total), y + h - 0.4, total, 0.4).fill(COLORS.rule);
  columns.forEach((c, i) => {
    const part = cellParts(cells[i] ?? "");
    const w = c.width - 2 * PAD_X;
    const x = frame.x(starts[i]! + PAD_X, w);
    const align = c.numeric ? "end" : "start";
    const used = drawText(doc, part.text, {
      x,
      y: y + PAD_Y,
      width: w,
      dir: frame.dir,
      size,
      bold: part.bold,
      align,
      color: COLORS.ink,
    });
    if (part.detail) {
      drawText(doc, part.detail, {
        x,
        y: y + PAD_Y + used,
        width: w,
        dir: frame.dir,
        size: size - 1.5,
        align,
        color: COLORS.muted,
      });
    }
  });
  return h;
}
