import type { BillDocument } from "./bill-document";
import { COLORS, type Frame } from "./page-frame";
import { drawText, measureText } from "./text-layout";

const BAR = COLORS.brand;
const BAR_ESTIMATED = "#9cc3ea";

/** A bar with diagonal hatching: how an estimated month reads even in black and white. */
function hatchedBar(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number): void {
  doc.save();
  doc.rect(x, y, w, h).fill(BAR_ESTIMATED);
  doc.rect(x, y, w, h).clip();
  doc.lineWidth(0.7).strokeColor(BAR);
  for (let d = -h; d < w; d += 4)
    doc
      .moveTo(x + d, y + h)
      .lineTo(x + d + h, y)
      .stroke();
  doc.restore();
  doc.rect(x, y, w, h).lineWidth(0.6).stroke(BAR);
}

/**
 * The consumption of the last months as bars, oldest at the start side (time runs right to left
 * on an Arabic page). Estimated months are hatched and lighter. Returns the height used.
 */
export function drawConsumptionChart(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  data: BillDocument,
  top: number,
  width: number,
  height: number,
): number {
  const { labels, history } = data;
  const titleH = drawText(doc, labels.historyTitle, {
    x: frame.x(0, width * 0.6),
    y: top,
    width: width * 0.6,
    dir: frame.dir,
    size: 10,
    bold: true,
    color: COLORS.brandDark,
  });
  // Legend at the end side of the title line.
  const legendSize = 7.5;
  const items = [
    { label: labels.historyActual, estimated: false },
    { label: labels.historyEstimated, estimated: true },
  ];
  let legendAt = width;
  for (const item of [...items].reverse()) {
    const w = measureText(doc, item.label, { size: legendSize });
    legendAt -= w;
    drawText(doc, item.label, {
      x: frame.x(legendAt, w + 1),
      y: top + 2,
      width: w + 1,
      dir: frame.dir,
      size: legendSize,
      color: COLORS.muted,
    });
    legendAt -= 12;
    const sx = frame.x(legendAt, 9);
    if (item.estimated) hatchedBar(doc, sx, top + 5, 9, 8);
    else doc.rect(sx, top + 5, 9, 8).fill(BAR);
    legendAt -= 12;
  }

  const months = history.slice(-12);
  const plotTop = top + titleH + 14;
  const labelH = 13;
  const plotH = height - (plotTop - top) - labelH;
  const base = plotTop + plotH;
  const max = Math.max(1, ...months.map((m) => m.consumption));
  doc.rect(frame.x(0, width), base, width, 0.6).fill(COLORS.faint);
  for (const f of [0.5, 1]) {
    doc.rect(frame.x(0, width), base - plotH * f * 0.88, width, 0.3).fill(COLORS.rule);
  }
  const slot = width / 12;
  const barW = slot * 0.56;
  months.forEach((m, i) => {
    const h = (m.consumption / max) * plotH * 0.88;
    const x = frame.x(i * slot + (slot - barW) / 2, barW);
    if (m.estimated) hatchedBar(doc, x, base - h, barW, h);
    else doc.rect(x, base - h, barW, h).fill(BAR);
    const value = String(m.consumption);
    drawText(doc, value, {
      x: frame.x(i * slot, slot),
      y: base - h - 11,
      width: slot,
      dir: frame.dir,
      size: 6.5,
      align: "center",
      color: COLORS.muted,
    });
    drawText(doc, m.label, {
      x: frame.x(i * slot, slot),
      y: base + 1,
      width: slot,
      dir: frame.dir,
      size: 7,
      align: "center",
      color: COLORS.ink,
      maxLines: 1,
    });
  });
  return height;
}
