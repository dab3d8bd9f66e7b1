import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  complaints,
  contracts,
  departments,
  staffDepartments,
  users,
  type WorkItem,
} from "@/db/schema";

/**
 * What the staff item page shows around an item: the customer's account, the contract, the
 * complaint behind the item (its place and photo), every department (names, transfer targets)
 * and the staff of the item's department (reassignment). Pass only an item that
 * `getStaffItem` returned: that is where the reader's department scope is applied.
 */
export async function getStaffItemDetails(
  db: DbOrTx,
  item: Pick<
    WorkItem,
    "customerUserId" | "contractId" | "subjectType" | "subjectId" | "departmentId"
  >,
) {
  const [allDepartments, customer, contract, complaint, colleagues] = await Promise.all([
    db.select().from(departments),
    item.customerUserId
      ? db
          .select({ name: users.name, email: users.email, phone: users.phone })
          .from(users)
          .where(eq(users.id, item.customerUserId))
      : Promise.resolve([]),
    item.contractId
      ? db
          .select({ contractNo: contracts.contractNo, service: contracts.service })
          .from(contracts)
          .where(eq(contracts.id, item.contractId))
      : Promise.resolve([]),
    item.subjectType === "complaint" && item.subjectId
      ? db.select().from(complaints).where(eq(complaints.id, item.subjectId))
      : Promise.resolve([]),
    db
      .select({ id: users.id, name: users.name })
      .from(staffDepartments)
      .innerJoin(users, eq(users.id, staffDepartments.userId))
      .where(eq(staffDepartments.departmentId, item.departmentId))
      .orderBy(users.name),
  ]);
  return {
    departments: allDepartments,
    customer: customer[0],
    contract: contract[0],
    complaint: complaint[0],
    colleagues,
  };
}
