// Types for the two untyped packages the documents use, limited to what they call.

declare module "bidi-js" {
  export type EmbeddingLevels = {
    levels: Uint8Array;
    paragraphs: { start: number; end: number; level: number }[];
  };
  export type Bidi = {
    getEmbeddingLevels(text: string, direction?: "ltr" | "rtl"): EmbeddingLevels;
    getReorderSegments(
      text: string,
      levels: EmbeddingLevels,
      start?: number,
      end?: number,
    ): [number, number][];
    getMirroredCharacter(char: string): string | null;
  };
  export default function bidiFactory(): Bidi;
}

// fontkit comes with pdfkit (pdfkit 0.20.2 depends on fontkit ^2.0.4).
declare module "fontkit" {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
