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
    const positions = run.positions.map((p) => ({ ...p }));
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

function fontsDir(): string {
  return process.env.WASLA_FONTS_DIR ?? path.join(process.cwd(), "lib", "documents", "fonts");
}

function loadFont(name: FontName): FontkitFont {
  let font = cache.get(name);
  if (!font) {
    const buffer = readFileSync(path.join(fontsDir(), FILES[name]));
    font = fontkit.create(buffer) as unknown as FontkitFont;
    cacheShaping(font);
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
