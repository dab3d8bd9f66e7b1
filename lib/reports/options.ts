import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Staff } from "@/lib/workflow/access";

export type FilterOptions = {
  departments: { code: string; nameAr: string; nameFr: string; nameEn: string }[];
  kinds: { code: string; nameAr: string; nameFr: string; nameEn: string }[];
  zones: string[];
  clerks: { id: string; name: string }[];
};

/**
 * What the dashboard's filters offer a member of staff: their departments (all for an admin),
 * the request kinds, the zones of the supplied premises, and the staff of those departments.
 */
export async function filterOptions(db: DbOrTx, staff: Staff): Promise<FilterOptions> {
  const mine =
    staff.role === "admin"
      ? sql`true`
      : sql`d.id in (select department_id from staff_departments where user_id = ${staff.id})`;
  const departments = await db.execute(sql`
    select d.code, d.name_ar as "nameAr", d.name_fr as "nameFr", d.name_en as "nameEn"
    from departments d where ${mine} order by d.code`);
  const kinds = await db.execute(sql`
    select code, name_ar as "nameAr", name_fr as "nameFr", name_en as "nameEn"
    from request_kinds order by code`);
  const zones = await db.execute(sql`select distinct zone from premises order by zone`);
  const clerks = await db.execute(sql`
    select distinct u.id, u.name from users u
    join staff_departments sd on sd.user_id = u.id
    join departments d on d.id = sd.department_id
    where u.role in ('clerk', 'supervisor') and u.disabled_at is null and ${mine}
    order by u.name`);
  return {
    departments: departments.rows as FilterOptions["departments"],
    kinds: kinds.rows as FilterOptions["kinds"],
    zones: (zones.rows as { zone: string }[]).map((z) => z.zone),
    clerks: clerks.rows as FilterOptions["clerks"],
  };
}
