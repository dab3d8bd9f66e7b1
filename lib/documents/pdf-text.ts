import { execFileSync } from "node:child_process";

/**
 * The text of a PDF as poppler's pdftotext reads it (logical order for Arabic), without the
 * bidi control characters it inserts. For tests and checks; needs poppler-utils.
 */
export function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  let out: string;
  try {
    out = execFileSync(
      "pdftotext",
      [...(options.layout ? ["-layout"] : []), "-enc", "UTF-8", "-", "-"],
      {
        input: pdf,
        encoding: "utf8",
      },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error("pdftotext not found: install poppler-utils (apt-get install poppler-utils)");
    }
    throw error;
  }
  return out.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "");
}

/** How many pages a PDF has, from its page tree. */
export function pdfPageCount(pdf: Buffer): number {
  const m = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString("latin1"));
  return m ? Number(m[1]) : 0;
}
