import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { files } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { detectFileType, nameContradictsType, type Mime } from "./detect-type";
import { MAX_IMAGE_BYTES } from "./limits";
import { fileStorage } from "./storage";

export { MAX_IMAGE_BYTES };

const MB = 1024 * 1024;

/** A meter photo or a picture of damage. */
export const IMAGE_TYPES = [
  "image/jpeg",
  "image/png",
  "image/webp",
] as const satisfies readonly Mime[];

/** An attachment to a letter or a request: a PDF or a photographed page. */
export const DOCUMENT_TYPES = [
  ...IMAGE_TYPES,
  "application/pdf",
] as const satisfies readonly Mime[];
export const MAX_DOCUMENT_BYTES = 10 * MB;

/** Who uploaded: a signed-in user, or a guest session (the `wasla_guest` cookie's id). */
export type Uploader = { userId: string } | { guestScope: string };

export type UploadFileInput = {
  bytes: Uint8Array;
  /** As the browser sent it; kept for display only, never used in a path or to decide a type. */
  originalName?: string | null;
  uploader: Uploader;
  allowed: readonly Mime[];
  maxBytes: number;
};

export type UploadedFile = { fileId: string; mime: Mime; size: number };

const MAX_NAME_LENGTH = 200;

/**
 * A file name fit to store and show: its last path segment (browsers have sent
 * `C:\Users\…\photo.jpg`), no control characters, trimmed, at most 200 characters (counted in
 * code points, so an Arabic or emoji name is not cut in the middle of a character). Null when
 * nothing is left.
 */
export function cleanOriginalName(name: string | null | undefined): string | null {
  if (!name) return null;
  const lastSegment = name.split(/[/\\]/).at(-1) ?? "";
  const printable = lastSegment.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  const cut = Array.from(printable).slice(0, MAX_NAME_LENGTH).join("").trim();
  return cut || null;
}

/**
 * Check an upload by its content and keep it: refuses an empty file (VALIDATION_FAILED), one
 * over `maxBytes` (PAYLOAD_TOO_LARGE) and one whose bytes are not of an allowed type
 * (UNSUPPORTED_MEDIA_TYPE), whatever its name says — or whose name claims another type. The bytes are stored under their SHA-256
 * before the row is inserted, so a row never points at missing bytes; a failed insert leaves at
 * worst an unreferenced object in storage.
 */
export async function uploadFile(db: DbOrTx, input: UploadFileInput): Promise<UploadedFile> {
  const { bytes, uploader } = input;
  if (bytes.byteLength === 0) {
    throw new AppError("VALIDATION_FAILED", "empty file", { file: "required" });
  }
  if (bytes.byteLength > input.maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `file of ${bytes.byteLength} bytes`);
  }
  const mime = detectFileType(bytes);
  if (!mime || !input.allowed.includes(mime)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `detected type ${mime ?? "unknown"}`);
  }
  if (nameContradictsType(input.originalName, mime)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `a ${mime} named as another type`);
  }

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await fileStorage().put(sha256, bytes);
  const [row] = await db
    .insert(files)
    .values({
      sha256,
      mime,
      size: bytes.byteLength,
      originalName: cleanOriginalName(input.originalName),
      uploadedByUserId: "userId" in uploader ? uploader.userId : null,
      guestScope: "guestScope" in uploader ? uploader.guestScope : null,
    })
    .returning({ id: files.id });
  if (!row) throw new Error("files insert returned no row");
  return { fileId: row.id, mime, size: bytes.byteLength };
}

/**
 * The optional photo field of a form (complaint, meter reading): stored when one was chosen,
 * undefined when the field is empty. Errors name the `photo` field, so the form shows them
 * beside it in the customer's language.
 */
export async function uploadPhotoField(
  db: DbOrTx,
  photo: unknown,
  uploader: Uploader,
): Promise<string | undefined> {
  if (!(photo instanceof File) || photo.size === 0) return undefined;
  try {
    const uploaded = await uploadFile(db, {
      bytes: new Uint8Array(await photo.arrayBuffer()),
      originalName: photo.name,
      uploader,
      allowed: IMAGE_TYPES,
      maxBytes: MAX_IMAGE_BYTES,
    });
    return uploaded.fileId;
  } catch (error) {
    if (error instanceof AppError) {
      throw new AppError(error.code, error.message, {
        photo: error.code === "PAYLOAD_TOO_LARGE" ? "photoTooLarge" : "photoType",
      });
    }
    throw error;
  }
}
