import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, staffDepartments } from "@/db/schema";

/** The departments a member of staff works in. */
export async function listStaffDepartments(db: DbOrTx, params: { userId: string }) {
  return db
    .select({
      id: departments.id,
      code: departments.code,
      nameAr: departments.nameAr,
      nameFr: departments.nameFr,
      nameEn: departments.nameEn,
    })
    .from(staffDepartments)
    .innerJoin(departments, eq(departments.id, staffDepartments.departmentId))
    .where(eq(staffDepartments.userId, params.userId))
    .orderBy(asc(departments.code));
}

/** Headline counts for the back-office overview. */
export async function getOverviewCounts(db: DbOrTx) {
  const { rows } = await db.execute(sql`
    select
      (select count(*)::int from customers) as customers,
      (select count(*)::int from contracts where status = 'active') as "activeContracts",
      (select count(*)::int from users where role = 'customer') as accounts,
      (select count(distinct user_id)::int from account_contracts) as "linkedAccounts"`);
  return rows[0] as {
    customers: number;
    activeContracts: number;
    accounts: number;
    linkedAccounts: number;
  };
}
