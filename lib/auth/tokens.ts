import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailTokens } from "@/db/schema";

type Purpose = "verify_email" | "reset_password";

const TTL_MS: Record<Purpose, number> = {
  verify_email: 48 * 3600_000,
  reset_password: 3600_000,
};

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Issue a single-use token; the raw value goes in the e-mail, only its hash in the database. */
export async function issueToken(tx: DbOrTx, userId: string, purpose: Purpose): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(emailTokens).values({
    userId,
    purpose,
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + TTL_MS[purpose]),
  });
  return token;
}

/** Spend a token: returns its user id once, or null if unknown, used or expired. */
export async function consumeToken(
  tx: DbOrTx,
  token: string,
  purpose: Purpose,
): Promise<string | null> {
  const [row] = await tx
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(emailTokens.tokenHash, sha256(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: emailTokens.userId });
  return row?.userId ?? null;
}
