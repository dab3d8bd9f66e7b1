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
