import type { StoredFile } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { fileStorage } from "./storage";

const EXTENSIONS: Record<string, readonly string[]> = {
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
  "image/webp": [".webp"],
  "application/pdf": [".pdf"],
};

/**
 * The response that hands a stored file to someone already authorised: its detected type, the
 * browser forbidden to guess another (`nosniff`), and its name in Content-Disposition only. No
 * stored type is HTML or SVG (lib/files/detect-type.ts), so nothing served runs as a page.
 */
export async function fileResponse(file: StoredFile): Promise<Response> {
  const bytes = await fileStorage().get(file.sha256);
  if (!bytes) {
    console.error("[files] bytes missing from storage", file.id, file.sha256);
    throw new AppError("NOT_FOUND");
  }
  return new Response(bytes, {
    headers: {
      "content-type": file.mime,
      "content-length": String(bytes.byteLength),
      "content-disposition": contentDisposition(downloadName(file)),
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=3600",
    },
  });
}

/** The stored name, with the extension of the detected type when the name claims another. */
function downloadName(file: { id: string; mime: string; originalName: string | null }): string {
  const extensions = EXTENSIONS[file.mime] ?? [];
  const name = file.originalName ?? `file-${file.id.slice(0, 8)}`;
  const lower = name.toLowerCase();
  if (!extensions.length || extensions.some((ext) => lower.endsWith(ext))) return name;
  return `${name}${extensions[0]}`;
}

/**
 * `inline` with an ASCII fallback for old clients and the real name encoded per RFC 5987
 * (`filename*=UTF-8''…`), so Arabic names survive and no quote or newline can break the header.
 */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
