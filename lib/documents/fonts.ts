import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * The fonts every document uses. Amiri carries Arabic, French accents and Latin in one face:
 * pdfkit has no font fallback, so one font has to cover every script on the page.
 *
 * Fonts are read from `lib/documents/fonts/` (shipped with the project, SIL OFL, see OFL.txt),
 * resolved from the working directory as Next.js, vitest and the benches all run from the
 * project root. `WASLA_FONTS_DIR` overrides it for a deployment that moves the files.
 */
export const FONT_REGULAR = "Wasla-Regular";
export const FONT_BOLD = "Wasla-Bold";

const FILES = {
  [FONT_REGULAR]: "Amiri-Regular.ttf",
  [FONT_BOLD]: "Amiri-Bold.ttf",
} as const;

type FontName = keyof typeof FILES;

type Position = Record<string, number>;
type GlyphRun = { glyphs: unknown[]; positions: Position[]; advanceWidth: number };
type Layout = (text: string, features?: unknown, ...rest: unknown[]) => GlyphRun;
/** The parts of a fontkit font touched here; pdfkit accepts such an object as a font source. */
type FontkitFont = { layout: Layout; postscriptName: string };

// Shaping Amiri (hundreds of contextual lookups) was nine tenths of a bill's rendering time,
// and the same labels, digits and words come back on every bill: shaped runs are kept per
// process. pdfkit scales the positions of a run in place, so each caller gets its own copy.
const SHAPED_MAX = 20_000;

function cacheShaping(font: FontkitFont): void {
  const layout = font.layout.bind(font);
  const shaped = new Map<string, GlyphRun>();
  font.layout = (text, features, ...rest) => {
    if (rest.length) return layout(text, features, ...rest);
    const key = `${Array.isArray(features) ? features.join(",") : ""}\u0000${text}`;
    let run = shaped.get(key);
    if (!run) {
      run = layout(text, features);
      if (shaped.size >= SHAPED_MAX) shaped.clear();
      shaped.set(key, run);
    }
    // Same-shaped literals keep pdfkit's per-position loop fast.
    const positions = run.positions.map((p) => ({
      xAdvance: p.xAdvance ?? 0,
      yAdvance: p.yAdvance ?? 0,
      xOffset: p.xOffset ?? 0,
      yOffset: p.yOffset ?? 0,
    }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((w, p) => w + (p.xAdvance ?? 0), 0);
      },
    };
  };
}

// One parsed font per process: parsing Amiri's large GSUB/GPOS tables on every document cost
// more than drawing the whole bill. pdfkit subsets per document, so sharing the parsed font
// between documents is safe.
const cache = new Map<FontName, FontkitFont>();

type Component = { glyphID: number; pos: number };
type SubsetGlyph = {
  buffer: Uint8Array;
  components: Component[] | null;
  advance: number;
  bearing: number;
};
/** fontkit's TrueType subset, as far as the patch below uses it. */
type TTFSubset = {
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
};
type TTFGlyph = {
  advanceWidth: number;
  _decode(): { numberOfContours: number; components?: Component[] } | null;
  _getMetrics(): { leftBearing: number };
};
type FontInternals = {
  createSubset(): TTFSubset;
  getGlyph(gid: number): TTFGlyph;
  loca?: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
};

/**
 * Each document embeds a subset of the font, and fontkit decodes every glyph outline again to
 * build it (a sixth of a bill's time). A glyph's bytes never change: keep them per process and
 * let the subset only renumber compound glyphs' components. Mirrors fontkit 2.0's
 * `TTFSubset._addGlyph`; left alone when the font is not a plain TrueType font.
 */
function cacheSubsetGlyphs(font: FontInternals): void {
  if (!font.loca || font._variationProcessor) return;
  const glyphs = new Map<number, SubsetGlyph>();
  const read = (gid: number): SubsetGlyph => {
    let g = glyphs.get(gid);
    if (!g) {
      const glyph = font.getGlyph(gid);
      const decoded = glyph._decode();
      const offsets = font.loca!.offsets;
      const stream = font._getTableStream("glyf");
      stream.pos += offsets[gid]!;
      const buffer = Uint8Array.from(stream.readBuffer(offsets[gid + 1]! - offsets[gid]!));
      const components =
        decoded && decoded.numberOfContours < 0
          ? (decoded.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos }))
          : null;
      g = {
        buffer,
        components,
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      glyphs.set(gid, g);
    }
    return g;
  };
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    if (typeof subset._addGlyph !== "function") return subset;
    subset._addGlyph = function addGlyph(this: TTFSubset, gid: number): number {
      const g = read(gid);
      let buffer = g.buffer;
      if (g.components) {
        buffer = Uint8Array.from(g.buffer);
        const view = new DataView(buffer.buffer);
        for (const c of g.components) view.setUint16(c.pos, this.includeGlyph(c.glyphID));
      }
      this.glyf.push(buffer);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: g.advance, bearing: g.bearing });
      this.offset += buffer.length;
      return this.glyf.length - 1;
    };
    return subset;
  };
}

function fontsDir(): string {
  return process.env.WASLA_FONTS_DIR ?? path.join(process.cwd(), "lib", "documents", "fonts");
}

function loadFont(name: FontName): FontkitFont {
  let font = cache.get(name);
  if (!font) {
    const buffer = readFileSync(path.join(fontsDir(), FILES[name]));
    font = fontkit.create(buffer) as unknown as FontkitFont;
    cacheShaping(font);
    cacheSubsetGlyphs(font as unknown as FontInternals);
    cache.set(name, font);
  }
  return font;
}

/** Makes FONT_REGULAR and FONT_BOLD usable in `doc.font(name)`, from fonts parsed once. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.keys(FILES) as FontName[]) {
    // pdfkit takes a parsed fontkit font as a source (PDFFontFactory.open checks for
    // `layout`); its type only lists file sources, hence the cast.
    doc.registerFont(name, loadFont(name) as unknown as PDFKit.Mixins.PDFFontSource);
  }
  doc.font(FONT_REGULAR);
}
