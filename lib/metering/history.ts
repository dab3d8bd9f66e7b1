import type { DbOrTx } from "@/db/client";
import {
  findLinkedContractByNumber,
  listContractReadings,
  type ReadingKey,
  type ReadingRow,
} from "@/lib/contracts/queries";
import { cursorCodec, isoMicros, oneOf, uuid } from "@/lib/api/cursor";
import { AppError } from "@/lib/errors";

/** How many readings the history returns (a page of the API's list): two years of monthly readings. */
export const HISTORY_LIMIT = 24;

/** The reading list's cursor: the last reading's sort key (newest first, register, id). */
export const readingCursor = cursorCodec<keyof ReadingKey>({
  readAt: isoMicros,
  register: oneOf("single", "day", "night", "peak"),
  id: uuid,
});

/**
 * A linked contract's readings, newest first, by its printed number (canonical form, as
 * printedCodeField gives it). Someone else's contract or an unknown number is NOT_FOUND alike:
 * the account is in the WHERE clause.
 */
export async function readingHistory(
  db: DbOrTx,
  params: { userId: string; contractNo: string; limit?: number; after?: ReadingKey },
): Promise<{ contractNo: string; readings: ReadingRow[] }> {
  const contract = await findLinkedContractByNumber(db, params);
  if (!contract) throw new AppError("NOT_FOUND", "contract not linked");
  const rows = await listContractReadings(db, {
    userId: params.userId,
    contractId: contract.id,
    limit: params.limit ?? HISTORY_LIMIT,
    after: params.after,
  });
  return { contractNo: contract.contractNo, readings: rows };
}
