/** The file types the portal accepts, as detected from the bytes. */
export const FILE_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;

export type Mime = (typeof FILE_TYPES)[number];

const SIGNATURES: readonly { mime: Mime; bytes: readonly (number | null)[] }[] = [
  { mime: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { mime: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // "RIFF", four bytes of chunk size (any value), then "WEBP".
  {
    mime: "image/webp",
    bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50],
  },
  // "%PDF-"
  { mime: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/**
 * The type of a file from its first bytes, or null when it is none of the accepted types. The
 * name and the type the browser claimed are never consulted: both are the uploader's to choose.
 * SVG, HTML and other text formats are deliberately absent, since they can carry scripts that a
 * browser would run when the file is opened.
 */
export function detectFileType(bytes: Uint8Array): Mime | null {
  for (const signature of SIGNATURES) {
    if (bytes.length < signature.bytes.length) continue;
    if (signature.bytes.every((b, i) => b === null || bytes[i] === b)) return signature.mime;
  }
  return null;
}

const EXTENSION_TYPES: Record<string, Mime> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/**
 * Whether a file's name says it is another of the accepted types than its bytes are: a PDF
 * named `.png` is a file that lies about its type, and is refused rather than guessed at. The
 * name can only refuse a file, never make one acceptable; a name without one of these
 * extensions (`scan`, `lettre.docx.pdf` is a PDF) leaves the decision to the bytes.
 */
export function nameContradictsType(name: string | null | undefined, mime: Mime): boolean {
  const extension = name
    ?.trim()
    .toLowerCase()
    .match(/\.([a-z0-9]+)$/)?.[1];
  const claimed = extension ? EXTENSION_TYPES[extension] : undefined;
  return claimed !== undefined && claimed !== mime;
}
