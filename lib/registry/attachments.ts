import { createHash } from "node:crypto";
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { files, registryAttachments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { detectFileType, nameContradictsType, type Mime } from "@/lib/files/detect-type";
import {
  cleanOriginalName,
  MAX_DOCUMENT_BYTES,
  uploadFile,
  type Uploader,
} from "@/lib/files/upload-file";
import { MAX_ATTACHMENTS } from "./schemas";

/** What a letter may carry: PDFs and scans or photos of pages. */
export const LETTER_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
] as const satisfies readonly Mime[];

export type CheckedAttachment = {
  bytes: Uint8Array;
  name: string;
  mime: Mime;
  sha256: string;
};

/**
 * Check every attachment of a letter before anything is stored: at most 10, none empty, none
 * over 10 MB, each a PDF, JPEG or PNG by its bytes (whatever its name or declared type says).
 * One bad file refuses the whole letter, naming it, so nothing partial is ever filed.
 */
export async function checkAttachments(list: unknown[]): Promise<CheckedAttachment[]> {
  const chosen = list.filter((f): f is File => f instanceof File && f.size > 0);
  if (chosen.length > MAX_ATTACHMENTS)
    throw new AppError("VALIDATION_FAILED", "too many attachments", {
      attachments: "tooManyAttachments",
    });
  const checked: CheckedAttachment[] = [];
  for (const file of chosen) {
    const fail = (code: "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE", key: string) =>
      new AppError(code, `${file.name}: ${key}`, { attachments: key });
    if (file.size > MAX_DOCUMENT_BYTES) throw fail("PAYLOAD_TOO_LARGE", "attachmentTooLarge");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const mime = detectFileType(bytes);
    if (
      !mime ||
      !(LETTER_TYPES as readonly string[]).includes(mime) ||
      nameContradictsType(file.name, mime)
    )
      throw fail("UNSUPPORTED_MEDIA_TYPE", "attachmentType");
    checked.push({
      bytes,
      mime,
      name: cleanOriginalName(file.name) ?? `document-${checked.length + 1}`,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
  }
  return checked;
}

/**
 * Store checked attachments and list them on the entry, in the registration's transaction: the
 * file rows and the entry commit or vanish together (bytes already on disk stay unreferenced,
 * content-addressed and harmless).
 */
export async function storeAttachments(
  tx: Tx,
  entryId: string,
  attachments: CheckedAttachment[],
  uploader: Uploader,
): Promise<void> {
  for (const [position, a] of attachments.entries()) {
    const stored = await uploadFile(tx, {
      bytes: a.bytes,
      originalName: a.name,
      uploader,
      allowed: LETTER_TYPES,
      maxBytes: MAX_DOCUMENT_BYTES,
    });
    await tx.insert(registryAttachments).values({
      entryId,
      position,
      fileId: stored.fileId,
      name: a.name,
      mime: a.mime,
      size: stored.size,
      sha256: a.sha256,
    });
  }
}

/**
 * Files uploaded beforehand through POST /api/v1/files (the API), listed by id: each must be
 * the caller's own upload and a letter type; an unknown or foreign id is refused like a wrong one.
 */
export async function attachUploaded(
  tx: Tx,
  entryId: string,
  fileIds: string[],
  uploader: Uploader,
): Promise<void> {
  if (!fileIds.length) return;
  const owner: SQL | undefined =
    "userId" in uploader
      ? eq(files.uploadedByUserId, uploader.userId)
      : eq(files.guestScope, uploader.guestScope);
  const rows = await tx
    .select()
    .from(files)
    .where(and(inArray(files.id, fileIds), or(owner)));
  for (const [position, id] of fileIds.entries()) {
    const row = rows.find((r) => r.id === id);
    if (!row)
      throw new AppError("VALIDATION_FAILED", "unknown attachment", { attachmentIds: "invalid" });
    if (!(LETTER_TYPES as readonly string[]).includes(row.mime))
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "attachment type", {
        attachmentIds: "attachmentType",
      });
    await tx.insert(registryAttachments).values({
      entryId,
      position,
      fileId: row.id,
      name: row.originalName ?? `document-${position + 1}`,
      mime: row.mime,
      size: row.size,
      sha256: row.sha256,
    });
  }
}

/** The attachments of an entry, in filing order. */
export function listAttachments(db: DbOrTx, entryId: string) {
  return db
    .select()
    .from(registryAttachments)
    .where(eq(registryAttachments.entryId, entryId))
    .orderBy(registryAttachments.position);
}
