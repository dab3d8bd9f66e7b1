import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { registryEntries, workItems, type RegistryEntry } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { departmentStaffScope, worksInDepartment, type Staff } from "@/lib/workflow/access";

/** The department whose clerks keep the registers. */
export const REGISTRY_DEPARTMENT = "mail_registry";

/** The condition "this member of staff keeps the registers", for every registry query. */
export function registryStaffScope(staff: Staff) {
  return departmentStaffScope(staff, REGISTRY_DEPARTMENT);
}

/** True when the staff member keeps the registers (pages use it to show or hide the section). */
export async function isRegistryStaff(db: DbOrTx, staff: Staff): Promise<boolean> {
  return worksInDepartment(db, staff, REGISTRY_DEPARTMENT);
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
