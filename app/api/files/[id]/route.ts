// GET /api/files/{id} - an uploaded file, to its owner or to staff
import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api/respond";
import { isStaff, requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { getFileForUser } from "@/lib/files/get-file";
import { fileStorage } from "@/lib/files/storage";

export const dynamic = "force-dynamic";

const EXTENSIONS: Record<string, readonly string[]> = {
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
  "image/webp": [".webp"],
  "application/pdf": [".pdf"],
};

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const file = await getFileForUser(getDb(), { fileId: id, userId: user.id, staff: isStaff(user) });
  if (!file) throw new AppError("NOT_FOUND");
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
      // The type was detected from the bytes; the browser must not guess another one.
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=3600",
    },
  });
});

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
