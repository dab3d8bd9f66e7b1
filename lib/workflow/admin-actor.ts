import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { User } from "@/db/schema";
import type { Actor } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";

/** Who changes the workflow configuration: only administrators may. */
export type AdminUser = Pick<User, "id" | "role">;

/**
 * The actions check the role before calling; the configuration functions check again, so a
 * future caller (a script, an API route) cannot skip it.
 */
export function auditActorOf(admin: AdminUser): Actor {
  if (admin.role !== "admin") throw new AppError("FORBIDDEN", "workflow configuration");
  return { kind: "user", userId: admin.id, role: "admin" };
}

/**
 * Serialise the changes to one part of the configuration for the rest of the transaction.
 * An advisory lock rather than row locks: renumbering must also see rows a concurrent
 * transaction inserted, and intake (which only reads the configuration) is never blocked.
 */
export async function lockConfiguration(
  tx: DbOrTx,
  part: "routing" | "kinds" | "calendar",
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`wasla:config:${part}`}))`);
}

/** A configuration refusal shown on the form as one sentence (`admin.validation.<key>`). */
export function refusal(code: "CONFLICT" | "VALIDATION_FAILED" | "NOT_FOUND", key: string) {
  return new AppError(code, key, { _form: key });
}
