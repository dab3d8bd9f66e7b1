import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type IdempotencyKey = { scope: string; key: string; requestHash: string };

/** A stable hash of a request body: same fields, any order, same hash. */
export function hashRequest(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return createHash("sha256")
    .update(JSON.stringify(canonical(body)))
    .digest("hex");
}

/**
 * The stored answer for this key, if the submission was already made: the same body replays
 * it; another body under the same key is a CONFLICT (a client bug, never silently merged).
 */
export async function findReplay<T>(
  tx: DbOrTx,
  k: IdempotencyKey,
): Promise<{ status: number; response: T } | null> {
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, k.scope), eq(idempotencyKeys.key, k.key)));
  if (!row) return null;
  if (row.requestHash !== k.requestHash)
    throw new AppError("CONFLICT", "idempotency key reused with another body");
  return { status: row.status, response: row.response as T };
}

/** Record the answer under the key, in the same transaction as the submission it answers. */
export async function storeReplay(
  tx: DbOrTx,
  k: IdempotencyKey,
  status: number,
  response: unknown,
): Promise<void> {
  await tx
    .insert(idempotencyKeys)
    .values({ scope: k.scope, key: k.key, requestHash: k.requestHash, status, response });
}

/** True for PostgreSQL's unique violation: a concurrent twin committed the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}
