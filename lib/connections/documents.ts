import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  connectionRequestDocuments,
  connectionRequests,
  files,
  workItems,
  type StoredFile,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Mime } from "@/lib/files/detect-type";
import { MAX_DOCUMENT_BYTES, uploadFile } from "@/lib/files/upload-file";
import type { Staff } from "@/lib/workflow/access";
import { isUuid } from "@/lib/validation/ids";

/** What a request's documents may be: a PDF or a scan as JPEG/PNG (no WebP at the counter). */
export const CONNECTION_DOCUMENT_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
] as const satisfies readonly Mime[];

/**
 * Keep one document of a connection request, checked by its content (type, 10 MB, not empty)
 * before anything is written. Returns the file id the form then names under the document code.
 */
export async function uploadConnectionDocument(
  db: DbOrTx,
  params: { userId: string; bytes: Uint8Array; name: string | null },
): Promise<{ fileId: string; mime: Mime; size: number }> {
  // A name that is a path (`../../etc/passwd`, `C:\\x`) is refused outright: nothing uses names
  // as paths here, but a request's file should not carry one to the staff who open it.
  if (params.name && (/[/\\\u0000-\u001f]/.test(params.name) || params.name.includes("..")))
    throw new AppError("VALIDATION_FAILED", "file name is a path", { file: "fileNameInvalid" });
  return uploadFile(db, {
    bytes: params.bytes,
    originalName: params.name,
    uploader: { userId: params.userId },
    allowed: CONNECTION_DOCUMENT_TYPES,
    maxBytes: MAX_DOCUMENT_BYTES,
  });
}

/**
 * The files a customer names in a request must be their own uploads of an accepted type. Any
 * other id (another customer's file, a made-up one) is NOT_FOUND, exactly like a missing one.
 */
export async function assertOwnDocuments(
  db: DbOrTx,
  userId: string,
  fileIds: string[],
): Promise<StoredFile[]> {
  const ids = [...new Set(fileIds)];
  if (!ids.length) return [];
  if (!ids.every(isUuid)) throw new AppError("NOT_FOUND", "document id");
  const rows = await db
    .select()
    .from(files)
    .where(and(inArray(files.id, ids), eq(files.uploadedByUserId, userId)));
  if (rows.length !== ids.length) throw new AppError("NOT_FOUND", "document not the customer's");
  if (rows.some((r) => !(CONNECTION_DOCUMENT_TYPES as readonly string[]).includes(r.mime)))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "document type");
  return rows;
}

/**
 * A document file of a request, for its owner or for staff of the department that holds the
 * request (admins: any). The rule is in the WHERE clause: anyone else finds nothing.
 */
export async function getRequestDocumentFile(
  db: DbOrTx,
  params: { documentId: string; user: Staff },
): Promise<(StoredFile & { docCode: string }) | undefined> {
  if (!isUuid(params.documentId)) return undefined;
  const { user } = params;
  const access =
    user.role === "customer"
      ? eq(connectionRequests.customerUserId, user.id)
      : user.role === "admin"
        ? undefined
        : sql`${workItems.departmentId} in (select department_id from staff_departments where user_id = ${user.id})`;
  const [row] = await db
    .select({ file: files, docCode: connectionRequestDocuments.docCode })
    .from(connectionRequestDocuments)
    .innerJoin(connectionRequests, eq(connectionRequests.id, connectionRequestDocuments.requestId))
    .innerJoin(workItems, eq(workItems.id, connectionRequests.itemId))
    .innerJoin(files, eq(files.id, connectionRequestDocuments.fileId))
    .where(and(eq(connectionRequestDocuments.id, params.documentId), access));
  return row ? { ...row.file, docCode: row.docCode } : undefined;
}
