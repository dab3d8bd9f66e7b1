import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { files, type StoredFile } from "@/db/schema";
import { isUuid } from "@/lib/validation/ids";

// The full 8-4-4-4-12 shape: anything else would reach PostgreSQL's uuid cast and fail (22P02),
// turning a "not found" into a server error.

/**
 * An uploaded file's row, or undefined when the id is unknown or the caller may not see it. A
 * customer sees only the files they uploaded; staff see every file, since attachments are shown
 * on the back-office item pages. The rule is in the WHERE clause, so another customer's file is
 * simply not found.
 */
export async function getFileForUser(
  db: DbOrTx,
  params: { fileId: string; userId: string; staff: boolean },
): Promise<StoredFile | undefined> {
  if (!isUuid(params.fileId)) return undefined;
  const [file] = await db
    .select()
    .from(files)
    .where(
      and(
        eq(files.id, params.fileId),
        params.staff ? undefined : eq(files.uploadedByUserId, params.userId),
      ),
    );
  return file;
}
