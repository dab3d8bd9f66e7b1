import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { sha256 } from "./tokens";

export type PartnerScope = "readings:write" | "bills:read" | "payments:write" | "items:read";

/**
 * The partner behind `Authorization: Bearer <key>` (a bank, an agent, the IVR), if the header
 * is there. Keys are stored as SHA-256 hashes; a revoked, unknown or under-scoped key is
 * UNAUTHENTICATED or FORBIDDEN, never a hint at which.
 */
export async function partnerFromRequest(
  db: DbOrTx,
  request: Request,
  scope: PartnerScope,
): Promise<{ keyPrefix: string } | null> {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer ([\x21-\x7e]{8,200})$/.exec(header);
  if (!match) throw new AppError("UNAUTHENTICATED", "malformed authorization header");
  const [key] = await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.keyHash, sha256(match[1]!)), isNull(apiKeys.revokedAt)))
    .returning({ prefix: apiKeys.prefix, scopes: apiKeys.scopes });
  if (!key) throw new AppError("UNAUTHENTICATED", "unknown or revoked key");
  if (!key.scopes.includes(scope)) throw new AppError("FORBIDDEN", "key lacks scope");
  return { keyPrefix: key.prefix };
}
