import { COLORS, type Frame } from "./page-frame";
import { drawText, measureText } from "./text-layout";

/**
 * Labelled fields and titled boxes of them, shared by the bill and the receipt: mirrored for
 * Arabic through the Frame, drawn with the bidi-aware text layout.
 */

export type FieldOptions = { size?: number; bold?: boolean; color?: string };

/**
 * "label ... value" on one line (value at the end side) when both fit, else the value on the
 * lines under its label. Returns the height used; draws nothing when `dry`. Values are often
 * typed by people (names, addresses) in either script: each takes its own direction.
 */
export function drawField(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  box: { start: number; width: number; y: number; dry?: boolean },
  label: string,
  value: string,
  options: FieldOptions = {},
): number {
  const { start, width, y, dry } = box;
  const size = options.size ?? 8.5;
  const common = { dir: frame.dir, size, x: frame.x(start, width), width, dry } as const;
  const labelH = drawText(doc, label, { ...common, y, color: options.color ?? COLORS.muted });
  const oneLine =
    measureText(doc, label, { size }) + measureText(doc, value, { size, bold: options.bold }) + 8 <=
    width;
  const valueH = drawText(doc, value, {
    ...common,
    y: oneLine ? y : y + labelH,
    align: oneLine ? "end" : "start",
    isolate: true,
    bold: options.bold,
    color: options.color ?? COLORS.ink,
  });
  return oneLine ? Math.max(labelH, valueH) : labelH + valueH;
}

/** A titled box; a field without a label is a value on its own line (a name under "Customer"). */
export type Block = { title: string; fields: [string, string | undefined][] };

/** Sizes of a document's boxes: the bill is denser than the receipt. */
export type BlockStyle = {
  padding: number;
  titleSize: number;
  /** Size of a value without a label. */
  leadSize: number;
  field: FieldOptions;
};

/** A titled box of fields; returns its natural height. Draws the frame when given `height`. */
export function drawBlock(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  block: Block,
  box: { start: number; width: number; y: number; height?: number; dry?: boolean },
  style: BlockStyle,
): number {
  const { start, width, y, dry } = box;
  const pad = style.padding;
  const inner = width - 2 * pad;
  if (!dry && box.height) {
    doc
      .roundedRect(frame.x(start, width), y, width, box.height, 4)
      .lineWidth(0.6)
      .stroke(COLORS.rule);
  }
  const text = { x: frame.x(start + pad, inner), width: inner, dir: frame.dir, bold: true, dry };
  let at = y + pad - 2;
  at += drawText(doc, block.title, { ...text, y: at, size: style.titleSize, color: COLORS.brand });
  for (const [label, value] of block.fields) {
    if (value === undefined || value === "") continue;
    at += label
      ? drawField(
          doc,
          frame,
          { start: start + pad, width: inner, y: at, dry },
          label,
          value,
          style.field,
        )
      : drawText(doc, value, {
          ...text,
          y: at,
          size: style.leadSize,
          color: COLORS.ink,
          isolate: true,
        });
  }
  return at - y + pad - 2;
}

/** Boxes side by side across `width`, all at the height of the tallest; returns that height. */
export function drawBlockRow(
  doc: PDFKit.PDFDocument,
  frame: Frame,
  blocks: Block[],
  area: { y: number; width: number; gap: number },
  style: BlockStyle,
): number {
  const width = (area.width - (blocks.length - 1) * area.gap) / blocks.length;
  const boxes = blocks.map((_, i) => ({ start: i * (width + area.gap), width, y: area.y }));
  const height = Math.max(
    ...blocks.map((b, i) => drawBlock(doc, frame, b, { ...boxes[i]!, dry: true }, style)),
  );
  blocks.forEach((b, i) => drawBlock(doc, frame, b, { ...boxes[i]!, height }, style));
  return height;
}

export function money(value: string, currency: string): string {
  return `${value} ${currency}`;
}
