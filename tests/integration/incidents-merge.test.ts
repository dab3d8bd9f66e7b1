import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { outbox, workItems, type User } from "@/db/schema";
import {
  attachToIncident,
  openIncident,
  replyToIncident,
  resolveIncident,
} from "@/lib/workflow/incidents";
import { mergeItems } from "@/lib/workflow/merge";
import { getCustomerItem } from "@/lib/workflow/queries";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, fileAsCustomer, itemRow, userByEmail } from "../helpers/workflow";

// Tuesday 2 June 2026, 10:00 in Casablanca (UTC+1): a working day without holiday.
const TUE = new Date("2026-06-02T09:00:00Z");
const later = (minutes: number) => new Date(TUE.getTime() + minutes * 60_000);

let db: Db;
let supervisor: User;
let technician: User;
let customer: User;
let salma: User;
let clerk: User;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  ({ db } = await createTestDatabase());
  supervisor = await userByEmail(db, "supervisor@wasla.example");
  technician = await userByEmail(db, "technician@wasla.example");
  customer = await userByEmail(db, "customer@wasla.example");
  salma = await userByEmail(db, "salma@wasla.example");
  clerk = await userByEmail(db, "clerk@wasla.example");
});

const staff = (u: User) => ({ id: u.id, role: u.role });

describe("mass incidents", () => {
  it("attaches new matching complaints on filing, answers and resolves every attached customer at once", async () => {
    const incident = await openIncident(db, staff(supervisor), {
      title: "Coupure secteur centre",
      departmentCode: "technical_interventions",
      service: "electricity",
      zone: "EJ-CENTRE",
      keywords: ["انقطاع", "coupure"],
    });
    // Both customers live in EJ-CENTRE with an electricity contract.
    const a = await fileAsCustomer(
      db,
      customer,
      {
        category: "outage",
        contractNo: "1000000101",
        description: "انقطاع الكهرباء في الحي منذ الصباح",
      },
      later(0),
    );
    const b = await fileAsCustomer(
      db,
      salma,
      {
        category: "outage",
        contractNo: "1000000105",
        description: "Coupure de courant depuis 9h dans notre rue",
      },
      later(5),
    );
    // A water complaint in the same zone does not match the electricity incident.
    const c = await fileAsCustomer(
      db,
      customer,
      {
        category: "leak",
        contractNo: "2000000101",
        description: "Fuite d'eau devant la maison, coupure prévue ?",
      },
      later(6),
    );
    expect(a.incidentId).toBe(incident.id);
    expect(b.incidentId).toBe(incident.id);
    expect(c.incidentId).toBeNull();

    const mailsBefore = (await db.select({ n: sql<number>`count(*)::int` }).from(outbox))[0]!.n;
    expect(
      await replyToIncident(
        db,
        staff(supervisor),
        incident.id,
        "Les équipes sont sur place, retour prévu vers 14h.",
      ),
    ).toBe(2);
    const mailsAfter = (await db.select({ n: sql<number>`count(*)::int` }).from(outbox))[0]!.n;
    expect(mailsAfter - mailsBefore).toBe(2);
    const seenByA = await getCustomerItem(db, { number: a.number, userId: customer.id });
    expect(seenByA?.events.map((e) => e.body)).toContain(
      "Les équipes sont sur place, retour prévu vers 14h.",
    );

    expect(
      await resolveIncident(db, staff(supervisor), incident.id, {
        note: "Courant rétabli à 13h40.",
      }),
    ).toBe(2);
    expect((await itemRow(db, a.itemId)).status).toBe("resolved");
    expect((await itemRow(db, b.itemId)).status).toBe("resolved");
    expect((await itemRow(db, c.itemId)).status).toBe("new");
  });

  it("attaches existing items by hand, and refuses a clerk", async () => {
    const incident = await openIncident(db, staff(supervisor), {
      title: "Fuites quartier Plateau",
      departmentCode: "technical_interventions",
      keywords: [],
    });
    const item = await fileAsCustomer(
      db,
      customer,
      {
        category: "low_pressure",
        contractNo: "2000000101",
        description: "Pression très faible au robinet",
      },
      later(30),
    );
    expect(await attachToIncident(db, staff(supervisor), incident.id, [item.itemId])).toBe(1);
    expect((await itemRow(db, item.itemId)).incidentId).toBe(incident.id);
    expect(
      (
        await appErrorOf(
          openIncident(db, staff(technician), {
            title: "x",
            departmentCode: "technical_interventions",
            keywords: [],
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});

describe("merging duplicates", () => {
  it("closes the duplicate as merged, and its number leads the customer to the survivor", async () => {
    const first = await fileAsCustomer(
      db,
      customer,
      {
        category: "bill_dispute",
        contractNo: "1000000101",
        description: "La facture d'octobre est trop élevée",
      },
      later(60),
    );
    const second = await fileAsCustomer(
      db,
      customer,
      {
        category: "bill_dispute",
        contractNo: "1000000101",
        description: "Facture d'octobre : montant anormal",
      },
      later(70),
    );
    const billing = await userByEmail(db, "billing@wasla.example");
    const result = await mergeItems(db, staff(billing), first.itemId, second.itemId, {
      now: later(80),
    });
    expect(result).toEqual({ survivorNumber: first.number, duplicateNumber: second.number });
    const dup = await itemRow(db, second.itemId);
    expect(dup).toMatchObject({
      status: "closed",
      outcome: "duplicate",
      mergedIntoId: first.itemId,
    });
    const viaOldNumber = await getCustomerItem(db, { number: second.number, userId: customer.id });
    expect(viaOldNumber?.item.number).toBe(first.number);
    expect(viaOldNumber?.mergedFrom).toBe(second.number);
    // Merging again, or the other way round, is refused.
    expect(
      (await appErrorOf(mergeItems(db, staff(billing), second.itemId, first.itemId))).code,
    ).toBe("ITEM_CLOSED");
  });

  it("refuses to merge items of different contracts, and items outside the clerk's departments", async () => {
    const x = await fileAsCustomer(
      db,
      customer,
      {
        category: "bill_dispute",
        contractNo: "1000000101",
        description: "Montant de la facture contesté",
      },
      later(90),
    );
    const y = await fileAsCustomer(
      db,
      customer,
      {
        category: "bill_dispute",
        contractNo: "2000000101",
        description: "Montant de la facture d'eau contesté",
      },
      later(91),
    );
    const billing = await userByEmail(db, "billing@wasla.example");
    expect((await appErrorOf(mergeItems(db, staff(billing), x.itemId, y.itemId))).code).toBe(
      "INVALID_TRANSITION",
    );
    // clerk@ works in metering and customer relations, not billing: the items do not exist for them.
    expect((await appErrorOf(mergeItems(db, staff(clerk), x.itemId, y.itemId))).code).toBe(
      "NOT_FOUND",
    );
    const [row] = await db.select().from(workItems).where(eq(workItems.id, y.itemId));
    expect(row?.mergedIntoId).toBeNull();
  });
});
