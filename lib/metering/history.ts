import type { DbOrTx } from "@/db/client";
import {
  findLinkedContractByNumber,
  listContractReadings,
  type ReadingRow,
} from "@/lib/contracts/queries";
import { AppError } from "@/lib/errors";

/** How many readings the history returns: two years of monthly readings. */
export const HISTORY_LIMIT = 24;

/**
 * A linked contract's readings, newest first, by its printed number (canonical form, as
 * printedCodeField gives it). Someone else's contract or an unknown number is NOT_FOUND alike:
 * the account is in the WHERE clause.
 */
export async function readingHistory(
  db: DbOrTx,
  params: { userId: string; contractNo: string; limit?: number },
): Promise<{ contractNo: string; readings: ReadingRow[] }> {
  const contract = await findLinkedContractByNumber(db, params);
  if (!contract) throw new AppError("NOT_FOUND", "contract not linked");
  const rows = await listContractReadings(db, {
    userId: params.userId,
    contractId: contract.id,
    limit: params.limit ?? HISTORY_LIMIT,
  });
  return { contractNo: contract.contractNo, readings: rows };
}
