import { and, desc, ilike, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";

/** Outbox messages, newest first, optionally for one recipient; keyset-paginated by time. */
export async function listOutbox(
  db: DbOrTx,
  params: { to?: string; before?: Date; limit?: number },
) {
  const filters: (SQL | undefined)[] = [
    params.to ? ilike(outbox.toAddress, `%${params.to.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
    params.before ? lt(outbox.createdAt, params.before) : undefined,
  ];
  return db
    .select()
    .from(outbox)
    .where(and(...filters))
    .orderBy(desc(outbox.createdAt))
    .limit(params.limit ?? 50);
}
