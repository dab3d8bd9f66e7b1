import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, staffDepartments, workItems, type User, type WorkItem } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";

export type Staff = Pick<User, "id" | "role">;

/**
 * The condition "this member of staff works in the department with this code" (admins always,
 * customers never), for the WHERE clause of a section's queries (the mail registry, meter
 * exchanges): anyone else finds nothing.
 */
export function departmentStaffScope(staff: Staff, departmentCode: string) {
  if (staff.role === "admin") return sql`true`;
  if (staff.role === "customer") return sql`false`;
  return sql`exists (select 1 from ${staffDepartments} sd join ${departments} d on d.id = sd.department_id
    where sd.user_id = ${staff.id} and d.code = ${departmentCode})`;
}

/** True when the staff member works in the department (pages show or hide a section by it). */
export async function worksInDepartment(
  db: DbOrTx,
  staff: Staff,
  departmentCode: string,
): Promise<boolean> {
  const { rows } = await db.execute(
    sql`select ${departmentStaffScope(staff, departmentCode)} as ok`,
  );
  return Boolean((rows[0] as { ok: boolean }).ok);
}

/** Department ids a member of staff works in; admins work everywhere (null = all). */
export async function departmentsOf(db: DbOrTx, staff: Staff): Promise<string[] | null> {
  if (staff.role === "admin") return null;
  const rows = await db
    .select({ id: staffDepartments.departmentId })
    .from(staffDepartments)
    .where(eq(staffDepartments.userId, staff.id));
  return rows.map((r) => r.id);
}

/**
 * Lock an item for a change by staff and check they may act on it: the item is in one of their
 * departments (admins: any). Unknown, merged-away or foreign items are NOT_FOUND alike.
 */
export async function lockItemForStaff(
  tx: DbOrTx,
  staff: Staff,
  itemId: string,
): Promise<WorkItem> {
  if (!isUuid(itemId)) throw new AppError("NOT_FOUND");
  if (staff.role === "customer") throw new AppError("NOT_FOUND");
  const [item] = await tx
    .select()
    .from(workItems)
    .where(
      and(
        eq(workItems.id, itemId),
        staff.role === "admin"
          ? undefined
          : sql`${workItems.departmentId} in (select department_id from staff_departments where user_id = ${staff.id})`,
      ),
    )
    .for("update");
  if (!item) throw new AppError("NOT_FOUND");
  return item;
}

/** A clerk acts on an item they hold; supervisors and admins may act on any item they see. */
export function assertHolds(staff: Staff, item: WorkItem, now: Date): void {
  if (staff.role === "supervisor" || staff.role === "admin") return;
  const held =
    item.assigneeId === staff.id && item.leaseExpiresAt !== null && item.leaseExpiresAt > now;
  if (!held) throw new AppError("ITEM_NOT_HELD");
}

export function assertOpen(item: WorkItem): void {
  if (item.status === "closed") throw new AppError("ITEM_CLOSED");
  if (item.mergedIntoId) throw new AppError("ITEM_CLOSED");
}
