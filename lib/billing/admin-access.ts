import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, staffDepartments, type User } from "@/db/schema";
import type { Actor } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";

/** Who acts in the billing back office. */
export type BillingStaff = Pick<User, "id" | "role">;

/**
 * Billing work (runs, bill search, cancel and reissue, imports) is for supervisors, admins and
 * the clerks of the billing department; a metering clerk sees neither the menu nor the pages.
 */
export async function isBillingStaff(db: DbOrTx, user: BillingStaff): Promise<boolean> {
  if (user.role === "admin" || user.role === "supervisor") return true;
  if (user.role !== "clerk") return false;
  const [row] = await db
    .select({ id: departments.id })
    .from(staffDepartments)
    .innerJoin(departments, eq(departments.id, staffDepartments.departmentId))
    .where(and(eq(staffDepartments.userId, user.id), eq(departments.code, "billing")));
  return Boolean(row);
}

/** The audit actor of a billing change, after checking (again) that the user may make it. */
export async function billingActorOf(db: DbOrTx, user: BillingStaff): Promise<Actor> {
  if (!(await isBillingStaff(db, user))) throw new AppError("FORBIDDEN", "billing staff only");
  return { kind: "user", userId: user.id, role: user.role as "clerk" | "supervisor" | "admin" };
}

/** A refusal the form shows as one sentence (billingAdmin.errors.<key>). */
export function billingRefusal(
  code: "CONFLICT" | "VALIDATION_FAILED" | "NOT_FOUND",
  key: string,
  fields?: Record<string, string>,
) {
  return new AppError(code, key, fields ?? { _form: key });
}
