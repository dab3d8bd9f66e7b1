import type { DocUtility } from "./bill-document";
import { drawField } from "./field-blocks";
import { COLORS, CONTENT_WIDTH, PAGE, drawUtilityHeader, type Frame } from "./page-frame";
import { drawText } from "./text-layout";

/** Where the document's own box sits: the end side of the header, beside the utility. */
export type HeaderBox = { start: number; width: number; y: number };

const GAP = 10;

/** The brand rule under a header: full width, with the accent at the start side. */
export function drawBrandRule(doc: PDFKit.PDFDocument, frame: Frame, y: number): void {
  doc.rect(PAGE.margin, y, CONTENT_WIDTH, 2).fill(COLORS.brand);
  doc.rect(frame.x(0, 90), y, 90, 2).fill(COLORS.accent);
}

/**
 * The top of every one-page document (bill, statement, receipt, acknowledgements): the utility
 * at the start side over `utilityShare` of the width, the document's title at the end side with
 * its fields (label … value) or whatever `body` draws under it, and the brand rule under the
 * taller of the two. Returns the rule's y.
 */
export function drawDocumentHeader(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  utility: DocUtility,
  options: {
    utilityShare: number;
    title: string;
    titleSize: number;
    fields?: readonly (readonly [string, string])[];
    /** Drawn under the title instead of fields; returns the height it used. */
    body?: (box: HeaderBox) => number;
  },
): number {
  const y = PAGE.margin;
  const utilityW = CONTENT_WIDTH * options.utilityShare;
  const h = drawUtilityHeader(doc, frame, utility, y, utilityW);
  const width = CONTENT_WIDTH - utilityW - GAP;
  const start = CONTENT_WIDTH - width;
  let at = y - 4;
  at += drawText(doc, options.title, {
    x: frame.x(start, width),
    y: at,
    width,
    dir: frame.dir,
    size: options.titleSize,
    bold: true,
    align: "end",
    color: COLORS.brandDark,
  });
  for (const [label, value] of options.fields ?? [])
    at += drawField(doc, frame, { start, width, y: at }, label, value, { size: 9, bold: true });
  if (options.body) at += options.body({ start, width, y: at });
  const bottom = Math.max(y + h, at) + 6;
  drawBrandRule(doc, frame, bottom);
  return bottom;
}
