import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { apiKeys, type ApiKey } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { sha256 } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { auditActorOf, type AdminUser } from "@/lib/workflow/admin-actor";
import type { CreateApiKeyInput } from "./admin-schemas";

/**
 * Partner API keys, managed by administrators. A key is shown once, when it is created; only
 * its SHA-256 hash is stored (lib/auth/partner-key.ts looks keys up by that hash) with its
 * first characters, so that admins can tell keys apart in the list and in the audit log.
 */

/** Characters of a key kept in clear: "wasla_" and six random ones. */
export const KEY_PREFIX_LENGTH = 12;

export type ApiKeyRow = Omit<ApiKey, "keyHash">;

/** Every key, live ones first, newest first. */
export async function listApiKeys(db: DbOrTx): Promise<ApiKeyRow[]> {
  return db
    .select({
      id: apiKeys.id,
      partnerName: apiKeys.partnerName,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(desc(isNull(apiKeys.revokedAt)), desc(apiKeys.createdAt));
}

/** A new key for a partner: the clear key is returned here and never again. */
export async function createApiKey(
  db: Db,
  admin: AdminUser,
  input: CreateApiKeyInput,
  context: { meta?: RequestMeta } = {},
): Promise<{ key: string; row: ApiKeyRow }> {
  const actor = auditActorOf(admin);
  // 32 random bytes: guessing one is out of the question, and base64url passes in a header.
  const key = `wasla_${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        partnerName: input.partnerName,
        prefix: key.slice(0, KEY_PREFIX_LENGTH),
        keyHash: sha256(key),
        scopes: [...input.scopes],
      })
      .returning();
    const { keyHash: _hash, ...visible } = row!;
    void _hash;
    await writeAudit(tx, {
      actor,
      action: "api_key.created",
      entityType: "api_key",
      entityId: visible.id,
      after: { partnerName: visible.partnerName, prefix: visible.prefix, scopes: visible.scopes },
      meta: context.meta,
    });
    return { key, row: visible };
  });
}

/** Revoke a key: the partner's next call answers 401. Revoking twice changes nothing. */
export async function revokeApiKey(
  db: Db,
  admin: AdminUser,
  input: { keyId: string },
  context: { meta?: RequestMeta; now?: Date } = {},
): Promise<ApiKeyRow> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: context.now ?? new Date() })
      .where(and(eq(apiKeys.id, input.keyId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!revoked) {
      const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, input.keyId));
      if (!row) throw new AppError("NOT_FOUND", "api key", { _form: "keyUnknown" });
      const { keyHash: _hash, ...visible } = row;
      void _hash;
      return visible;
    }
    const { keyHash: _hash, ...visible } = revoked;
    void _hash;
    await writeAudit(tx, {
      actor,
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: visible.id,
      before: { revokedAt: null },
      after: { partnerName: visible.partnerName, prefix: visible.prefix },
      meta: context.meta,
    });
    return visible;
  });
}
