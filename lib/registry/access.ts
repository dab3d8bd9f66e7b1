import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, registryEntries, workItems, type RegistryEntry } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import type { Staff } from "@/lib/workflow/access";

/** The department whose clerks keep the registers. */
export const REGISTRY_DEPARTMENT = "mail_registry";

/**
 * The condition "this member of staff works in the mail registry office" (admins always), for
 * the WHERE clause of every registry query: anyone else finds nothing.
 */
export function registryStaffScope(staff: Staff) {
  if (staff.role === "admin") return sql`true`;
  if (staff.role === "customer") return sql`false`;
  return sql`exists (select 1 from staff_departments sd join ${departments} d on d.id = sd.department_id
    where sd.user_id = ${staff.id} and d.code = ${REGISTRY_DEPARTMENT})`;
}

/** True when the staff member keeps the registers (pages use it to show or hide the section). */
export async function isRegistryStaff(db: DbOrTx, staff: Staff): Promise<boolean> {
  const { rows } = await db.execute(sql`select ${registryStaffScope(staff)} as ok`);
  return Boolean((rows[0] as { ok: boolean }).ok);
}

/** An entry for registry staff; unknown ids and other staff alike get NOT_FOUND. */
export async function entryForRegistryStaff(
  db: DbOrTx,
  staff: Staff,
  entryId: string,
): Promise<RegistryEntry> {
  if (!isUuid(entryId)) throw new AppError("NOT_FOUND");
  const [entry] = await db
    .select()
    .from(registryEntries)
    .where(and(eq(registryEntries.id, entryId), registryStaffScope(staff)));
  if (!entry) throw new AppError("NOT_FOUND");
  return entry;
}

/** The registry office's work item of an incoming entry: the item carrying its number. */
export async function registryItemId(
  db: DbOrTx,
  entry: Pick<RegistryEntry, "registryNo">,
): Promise<string> {
  const [item] = await db
    .select({ id: workItems.id })
    .from(workItems)
    .where(eq(workItems.number, entry.registryNo));
  if (!item) throw new AppError("NOT_FOUND");
  return item.id;
}
