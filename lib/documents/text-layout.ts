import bidiFactory from "bidi-js";
import { FONT_BOLD, FONT_REGULAR } from "./fonts";

/**
 * Bidirectional text for pdfkit.
 *
 * pdfkit lays a line out word by word from left to right, which reverses the order of Arabic
 * words; asking it to shape a whole line instead reverses digits and Latin inside Arabic. So
 * each line is wrapped on its logical text, cut into directional runs by the Unicode bidi
 * algorithm (bidi-js), the runs put in visual order (rule L2), and each run drawn on its own:
 * right-to-left runs shaped whole (fontkit joins the letters and orders the glyphs), left-to-right
 * runs (amounts, bill numbers, French) as ordinary text. Arabic is never justified.
 */
export type TextDir = "ltr" | "rtl";
export type TextAlign = "left" | "right" | "center" | "start" | "end";

export type TextStyle = {
  size: number;
  bold?: boolean;
  /** Fill colour; black by default. */
  color?: string;
  /** Line height as a multiple of the size (Amiri's own metrics give 1.76, too airy for a bill). */
  lineHeight?: number;
};

export type DrawTextOptions = TextStyle & {
  x: number;
  y: number;
  /** The box width: text wraps inside it and aligns to its edges. */
  width: number;
  /** The paragraph's base direction: "rtl" for Arabic documents. */
  dir: TextDir;
  /** "start" by default: right for rtl, left for ltr. */
  align?: TextAlign;
  /** Stop after this many lines, ending the last with an ellipsis. */
  maxLines?: number;
  /** Lay out and return the height without drawing (to size a box before filling it). */
  dry?: boolean;
} & Isolation;

/**
 * The text is one value (a name, an address, a reference) rather than a sentence: its own first
 * letter sets its direction, as `dir="auto"` does in HTML, while it still aligns with the
 * document. Otherwise a Latin address opening with its number ("12 rue Allal Ben Abdellah")
 * in an Arabic document shows the number at the far end of the line. A value with no letter (a
 * date, an amount) keeps the document's direction.
 */
type Isolation = { isolate?: boolean };

/** A piece of a line in one direction, in the order it is drawn from left to right. */
export type VisualRun = { text: string; rtl: boolean; width: number };
export type LaidLine = { text: string; runs: VisualRun[]; width: number };

const bidi = bidiFactory();

// Features for shaping a right-to-left run in one go: passing any feature list makes pdfkit hand
// the whole run to fontkit instead of word by word.
const RTL_FEATURES: PDFKit.Mixins.OpenTypeFeatures[] = [
  "rlig",
  "calt",
  "init",
  "medi",
  "fina",
  "liga",
];
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const DEFAULT_LINE_HEIGHT = 1.45;
// Baseline below the top of the line box, as a multiple of the size: leaves room for Arabic
// marks above and descenders below inside DEFAULT_LINE_HEIGHT.
const BASELINE = 1.0;

/**
 * The text the bidi levels are computed on: same length, with numbers kept whole. A space
 * between digits ("18 204", "2026 0001 2345 6789", "+212 5 37 00 00 00") becomes a no-break
 * space, a separator the algorithm keeps inside a number, and a sign opening a number ("+212",
 * "-5.00") a digit; otherwise an Arabic line would show the groups of a number in reverse.
 */
export function bidiText(text: string): string {
  return text
    .replace(/(?<=\d)[ \u00A0\u202F](?=\d)/g, "\u00A0")
    .replace(/(?<=^|\s)[+\-\u2212](?=\d)/g, "0");
}

function levelsOf(text: string, dir: TextDir): Uint8Array {
  return bidi.getEmbeddingLevels(bidiText(text), dir).levels;
}

/** The direction of a text's first letter (rule P2), or null when it has none. */
export function firstStrongDir(text: string): TextDir | null {
  const letter = /\p{L}/u.exec(text);
  if (!letter) return null;
  return STRONG_RTL.test(letter[0]) ? "rtl" : "ltr";
}

function setFont(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc.font(style.bold ? FONT_BOLD : FONT_REGULAR).fontSize(style.size);
}

// Widths (per point of size) and laid-out paragraphs are kept per process: a bill repeats its
// labels, and every bill repeats the last one's. Both maps are cleared when they grow too big.
const CACHE_MAX = 20_000;
const widths = new Map<string, number>();
const layouts = new Map<string, LaidLine[]>();

function remember<T>(map: Map<string, T>, key: string, value: T): T {
  if (map.size >= CACHE_MAX) map.clear();
  map.set(key, value);
  return value;
}

/** Width of a single-direction run as it will be drawn, in the current font and size. */
function runWidth(doc: PDFKit.PDFDocument, text: string, rtl: boolean, style: TextStyle): number {
  const shaped = rtl && STRONG_RTL.test(text);
  const key = `${style.bold ? "b" : "r"}${shaped ? "s" : "w"}${text}`;
  let unit = widths.get(key);
  if (unit === undefined) {
    const w = shaped
      ? doc.widthOfString(text, { features: RTL_FEATURES })
      : doc.widthOfString(text);
    unit = remember(widths, key, w / style.size);
  }
  return unit * style.size;
}

function mirror(text: string): string {
  return Array.from(text, (c) => bidi.getMirroredCharacter(c) ?? c).join("");
}

/**
 * Cuts one line (logical order) into runs and orders them visually. `levels` are the bidi
 * embedding levels of the line's characters, computed on the whole paragraph.
 */
export function visualRuns(
  doc: PDFKit.PDFDocument,
  line: string,
  levels: ArrayLike<number>,
  style: TextStyle,
): VisualRun[] {
  const spans: { start: number; end: number; level: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const level = levels[i] ?? 0;
    const last = spans[spans.length - 1];
    if (last && last.level === level) last.end = i + 1;
    else spans.push({ start: i, end: i + 1, level });
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of spans
  // at that level or above.
  const maxLevel = Math.max(0, ...spans.map((s) => s.level));
  const odd = spans.map((s) => s.level).filter((l) => l % 2 === 1);
  const minOdd = odd.length ? Math.min(...odd) : maxLevel + 1;
  for (let level = maxLevel; level >= minOdd; level--) {
    for (let i = 0; i < spans.length;) {
      if (spans[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < spans.length && spans[j]!.level >= level) j++;
      const reversed = spans.slice(i, j).reverse();
      spans.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return spans.map(({ start, end, level }) => {
    const rtl = level % 2 === 1;
    let text = line.slice(start, end);
    // Right-to-left brackets are mirrored (rule L4), which fontkit does not do. A run with Arabic
    // letters is reversed by fontkit when shaped; one without (a lone " - " or ") ") by us.
    if (rtl)
      text = STRONG_RTL.test(text) ? mirror(text) : Array.from(mirror(text)).reverse().join("");
    return { text, rtl, width: runWidth(doc, text, rtl, style) };
  });
}

/** pdfkit reads these too (`_fragment`), though its type leaves them out. */
type RunTextOptions = PDFKit.Mixins.TextOptions & { textWidth?: number; wordCount?: number };

type Token = { text: string; start: number; width: number };
type LayoutOptions = TextStyle & Isolation & { width: number; dir: TextDir; maxLines?: number };

/**
 * Wraps text on its logical order and lays each line out in visual runs. The result is shared
 * between calls with the same text and style: do not change it.
 */
export function layoutText(
  doc: PDFKit.PDFDocument,
  text: string,
  options: LayoutOptions,
): LaidLine[] {
  setFont(doc, options);
  const key = [
    options.bold ? "b" : "r",
    options.size,
    options.width,
    options.dir,
    options.maxLines ?? 0,
    options.isolate ? "i" : "",
    text,
  ].join("|");
  return layouts.get(key) ?? remember(layouts, key, wrapText(doc, text, options));
}

function wrapText(doc: PDFKit.PDFDocument, text: string, options: LayoutOptions): LaidLine[] {
  const out: LaidLine[] = [];
  const spaceWidth = runWidth(doc, " ", false, options);
  const laid = (line: string, levels: ArrayLike<number>): LaidLine => {
    const runs = visualRuns(doc, line, levels, options);
    return { text: line, runs, width: runs.reduce((w, r) => w + r.width, 0) };
  };
  const dirOf = (paragraph: string) =>
    (options.isolate && firstStrongDir(paragraph)) || options.dir;
  for (const paragraph of text.split("\n")) {
    const levels = levelsOf(paragraph, dirOf(paragraph));
    const tokens: Token[] = [];
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(paragraph))) {
      const shaped = options.dir === "rtl" && STRONG_RTL.test(m[0]);
      tokens.push({ text: m[0], start: m.index, width: runWidth(doc, m[0], shaped, options) });
    }
    let lineStart = -1;
    let lineEnd = 0;
    let lineWidth = 0;
    const flush = () => {
      if (lineStart < 0) return;
      out.push(laid(paragraph.slice(lineStart, lineEnd), levels.subarray(lineStart, lineEnd)));
      lineStart = -1;
      lineWidth = 0;
    };
    for (const token of tokens) {
      const added = lineStart < 0 ? token.width : lineWidth + spaceWidth + token.width;
      if (lineStart >= 0 && added > options.width) flush();
      if (lineStart < 0) {
        lineStart = token.start;
        lineWidth = token.width;
      } else {
        lineWidth = added;
      }
      lineEnd = token.start + token.text.length;
    }
    flush();
    if (!tokens.length) out.push({ text: "", runs: [], width: 0 });
  }
  if (options.maxLines && out.length > options.maxLines) {
    out.length = options.maxLines;
    const clipped = `${out[out.length - 1]!.text.replace(/\s*\S+$/, "")}…`;
    out[out.length - 1] = laid(clipped, levelsOf(clipped, dirOf(clipped)));
  }
  return out;
}

/** Line height in points for a style. */
export function lineHeightOf(style: TextStyle): number {
  return style.size * (style.lineHeight ?? DEFAULT_LINE_HEIGHT);
}

/** Width of text on one line, as drawn. */
export function measureText(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  const dir = STRONG_RTL.test(text) ? "rtl" : "ltr";
  const lines = layoutText(doc, text.replace(/\n/g, " "), { ...style, width: Infinity, dir });
  return lines[0]?.width ?? 0;
}

function resolveAlign(align: TextAlign | undefined, dir: TextDir): "left" | "right" | "center" {
  const a = align ?? "start";
  if (a === "center" || a === "left" || a === "right") return a;
  return (a === "start") === (dir === "rtl") ? "right" : "left";
}

/**
 * Draws text wrapped in a box of `width` from (x, y), bidi-aware; returns the height used.
 * Does not move pdfkit's cursor.
 */
export function drawText(doc: PDFKit.PDFDocument, text: string, options: DrawTextOptions): number {
  const lines = layoutText(doc, text, options);
  const lineHeight = lineHeightOf(options);
  if (options.dry) return lines.length * lineHeight;
  const align = resolveAlign(options.align, options.dir);
  doc.fillColor(options.color ?? "#111111");
  let y = options.y;
  for (const line of lines) {
    let x = options.x;
    if (align === "right") x += options.width - line.width;
    else if (align === "center") x += (options.width - line.width) / 2;
    const baseline = y + options.size * BASELINE;
    for (const run of line.runs) {
      // textWidth and wordCount spare pdfkit measuring the run again.
      const runOptions: RunTextOptions = {
        lineBreak: false,
        baseline: "alphabetic",
        textWidth: run.width,
        wordCount: 1,
        features: run.rtl && STRONG_RTL.test(run.text) ? RTL_FEATURES : undefined,
      };
      doc.text(run.text, x, baseline, runOptions);
      x += run.width;
    }
    y += lineHeight;
  }
  return lines.length * lineHeight;
}

/** Height drawText would use, without drawing. */
export function measureTextHeight(
  doc: PDFKit.PDFDocument,
  text: string,
  options: TextStyle & { width: number; dir: TextDir; maxLines?: number },
): number {
  return layoutText(doc, text, options).length * lineHeightOf(options);
}
