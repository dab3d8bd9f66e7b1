import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { departments, staffDepartments, users, type User } from "@/db/schema";
import { getStaffItem } from "@/lib/workflow/queries";
import { getStaffItemDetails } from "@/lib/workflow/staff-item-details";
import { createTestDatabase } from "../helpers/db";
import { fileAsCustomer, userByEmail } from "../helpers/workflow";

// Tuesday 2 June 2026, 10:00 in Casablanca (UTC+1): a working day without holiday.
const TUE = new Date("2026-06-02T09:00:00Z");

let db: Db;
let customer: User;
let supervisor: User;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  ({ db } = await createTestDatabase());
  customer = await userByEmail(db, "customer@wasla.example");
  supervisor = await userByEmail(db, "supervisor@wasla.example");
});

describe("getStaffItemDetails", () => {
  it("finds the customer, the contract, the complaint and the department's staff of a filed complaint", async () => {
    const filed = await fileAsCustomer(
      db,
      customer,
      {
        category: "leak",
        contractNo: "1000000101",
        description: "Une fuite d'eau devant le compteur depuis ce matin.",
        location: "Devant le n° 12, rue des Orangers",
      },
      TUE,
    );
    const found = await getStaffItem(
      db,
      { id: supervisor.id, role: supervisor.role },
      filed.itemId,
    );
    expect(found).toBeDefined();
    const details = await getStaffItemDetails(db, found!.item);

    expect(details.customer).toEqual({
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
    });
    expect(details.contract?.contractNo).toBe("1000000101");
    expect(details.complaint?.location).toBe("Devant le n° 12, rue des Orangers");
    expect(details.departments.map((d) => d.code)).toContain(filed.departmentCode);

    const staff = await db
      .select({ id: users.id, name: users.name })
      .from(staffDepartments)
      .innerJoin(users, eq(users.id, staffDepartments.userId))
      .innerJoin(departments, eq(departments.id, staffDepartments.departmentId))
      .where(eq(departments.code, filed.departmentCode));
    const byId = (rows: { id: string; name: string }[]) =>
      [...rows].sort((a, b) => a.id.localeCompare(b.id));
    // Every colleague of the item's department: the reassign list.
    expect(details.colleagues.length).toBeGreaterThan(0);
    expect(byId(details.colleagues)).toEqual(byId(staff));
  });

  it("has no customer, contract or complaint for an item without them", async () => {
    const [department] = await db.select().from(departments).limit(1);
    const details = await getStaffItemDetails(db, {
      customerUserId: null,
      contractId: null,
      subjectType: "request",
      subjectId: null,
      departmentId: department!.id,
    });
    expect(details.customer).toBeUndefined();
    expect(details.contract).toBeUndefined();
    expect(details.complaint).toBeUndefined();
  });
});
