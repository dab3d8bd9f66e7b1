import { Readable } from "node:stream";

/** `attachment` with an ASCII fallback and the UTF-8 name per RFC 5987. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A pdfkit document streamed as the response body, page by page as it is written. */
export function pdfResponse(doc: NodeJS.ReadableStream, filename: string): Response {
  return new Response(Readable.toWeb(doc as Readable) as ReadableStream, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": attachment(filename),
      "x-content-type-options": "nosniff",
      // A bill's status and amount due change with payments: never served from a cache.
      "cache-control": "private, no-store",
    },
  });
}
