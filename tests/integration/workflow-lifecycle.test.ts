import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { departments, workItemEvents, workItems, type User } from "@/db/schema";
import { addBusinessMinutes, businessMinutesBetween } from "@/lib/workflow/business-time";
import { claimItem } from "@/lib/workflow/claim";
import {
  addInternalNote,
  askCustomer,
  closeItem,
  replyToCustomer,
  resolveItem,
  transferItem,
} from "@/lib/workflow/clerk-actions";
import { loadWorkflowConfig, type WorkflowConfig } from "@/lib/workflow/config";
import { answerAsCustomer, rateItem, requestFollowUp } from "@/lib/workflow/customer-actions";
import { getCustomerItem } from "@/lib/workflow/queries";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, eventCount, fileAsCustomer, itemRow, userByEmail } from "../helpers/workflow";

// Fixed instants on working days: the week of Monday 1 June 2026 (no holiday; Casablanca is
// UTC+1, open 08:30–16:30). Comments give the local time.
const at = (iso: string) => new Date(iso);
const MON_0900 = at("2026-06-01T08:00:00Z");

let db: Db;
let config: WorkflowConfig;
let customer: User;
let youssef: User;
let clerk: User;
let clerk2: User;
let technician: User;
let departmentCodes: Map<string, string>;

beforeAll(async () => {
  // Resolving an item e-mails a rating link signed with the server's secret.
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  ({ db } = await createTestDatabase());
  config = await loadWorkflowConfig(db);
  customer = await userByEmail(db, "customer@wasla.example");
  youssef = await userByEmail(db, "youssef@wasla.example");
  clerk = await userByEmail(db, "clerk@wasla.example");
  clerk2 = await userByEmail(db, "clerk2@wasla.example");
  technician = await userByEmail(db, "technician@wasla.example");
  const rows = await db.select({ id: departments.id, code: departments.code }).from(departments);
  departmentCodes = new Map(rows.map((d) => [d.id, d.code]));
});

const asCustomer = (u: User) => ({
  id: u.id,
  role: "customer" as const,
  locale: u.locale,
});
const customerActor = (u: User) => ({
  kind: "user" as const,
  userId: u.id,
  role: "customer" as const,
});

function fileLeak(now: Date) {
  return fileAsCustomer(
    db,
    customer,
    { category: "leak", description: "Il y a une fuite d'eau devant le compteur depuis ce matin." },
    now,
  );
}

function fileWrongName(now: Date) {
  return fileAsCustomer(
    db,
    customer,
    {
      category: "wrong_name",
      description: "Le contrat est encore au nom de l'ancien propriétaire du logement.",
    },
    now,
  );
}

/** Items opened by the customer-satisfaction team about a given item. */
async function satisfactionItems(parentItemId: string) {
  const rows = await db.select().from(workItems).where(eq(workItems.parentItemId, parentItemId));
  return rows.map((r) => ({ ...r, departmentCode: departmentCodes.get(r.departmentId) }));
}

describe("routing at intake", () => {
  it("sends a water leak to technical interventions, high priority", async () => {
    const filed = await fileLeak(MON_0900);
    expect(filed).toMatchObject({ departmentCode: "technical_interventions", priority: "high" });
    // The technical complaint's high policy: 480 business minutes, one working day.
    expect(filed.resolutionDueAt).toBe(at("2026-06-02T08:00:00Z").toISOString()); // Tue 09:00
  });

  it("sends a wrong name on the contract to customer relations, normal priority", async () => {
    const filed = await fileWrongName(MON_0900);
    expect(filed).toMatchObject({ departmentCode: "customer_relations", priority: "normal" });
  });
});

describe("a complaint from filing to rating", () => {
  it("pauses while waiting on the customer, resumes later by the paused time, and is resolved", async () => {
    const filed = await fileWrongName(MON_0900);
    const originalDue = (await itemRow(db, filed.itemId)).resolutionDueAt!;
    expect(originalDue).toEqual(at("2026-06-08T08:00:00Z")); // five working days: Mon 8 June 09:00

    // A claim is a 15-minute lease, renewed by each action: claim just before acting.
    await claimItem(db, clerk2, filed.itemId, at("2026-06-01T09:55:00Z"));
    const askedAt = at("2026-06-01T10:00:00Z"); // Mon 11:00
    const waiting = await askCustomer(
      db,
      clerk2,
      filed.itemId,
      "Pouvez-vous envoyer une copie de l'acte de vente ?",
      { now: askedAt },
    );
    expect(waiting).toMatchObject({ status: "waiting_customer", resolutionDueAt: null });

    const answeredAt = at("2026-06-02T10:00:00Z"); // Tue 11:00: one business day later
    const resumed = await answerAsCustomer(
      db,
      asCustomer(customer),
      filed.number,
      "Voici l'acte de vente en pièce jointe.",
      { now: answeredAt },
    );
    expect(resumed.status).toBe("in_progress");
    const paused = businessMinutesBetween(config.calendar, askedAt, answeredAt);
    expect(paused).toBe(480);
    const newDue = (await itemRow(db, filed.itemId)).resolutionDueAt!;
    expect(newDue).toEqual(addBusinessMinutes(config.calendar, originalDue, paused));
    expect(newDue).toEqual(at("2026-06-09T08:00:00Z")); // Tue 9 June 09:00

    // The answer put the item back in the queue; clerk2 takes it up again and resolves it.
    await claimItem(db, clerk2, filed.itemId, at("2026-06-02T10:05:00Z"));
    const resolved = await resolveItem(
      db,
      clerk2,
      filed.itemId,
      { outcome: "resolved", note: "Le contrat est désormais à votre nom." },
      { now: at("2026-06-02T10:15:00Z") },
    );
    expect(resolved).toMatchObject({ status: "resolved", outcome: "resolved" });

    const rating = {
      itemId: filed.itemId,
      quality: 5,
      speed: 5,
      via: "portal" as const,
      actor: customerActor(customer),
      locale: "fr" as const,
    };
    await rateItem(db, rating, { now: at("2026-06-02T11:00:00Z") });
    expect(await satisfactionItems(filed.itemId)).toEqual([]);
    const again = await appErrorOf(
      rateItem(db, { ...rating, quality: 1 }, { now: at("2026-06-02T11:05:00Z") }),
    );
    expect(again.code).toBe("ALREADY_RATED");
    expect(await satisfactionItems(filed.itemId)).toEqual([]);

    // Every change of status left its event: what, when, who, and the business minutes taken
    // at that moment (the clock stopped while the question waited on the customer), from which
    // time to first response and to resolution are read without recomputing calendars.
    const events = await db
      .select()
      .from(workItemEvents)
      .where(eq(workItemEvents.itemId, filed.itemId))
      .orderBy(workItemEvents.at, workItemEvents.id);
    const changes = events
      .filter((e) => e.toStatus !== null)
      .map((e) => ({
        type: e.type,
        from: e.fromStatus,
        to: e.toStatus,
        at: e.at.toISOString(),
        actor: e.actorUserId ?? e.actorLabel,
        minutes: e.businessMinutesTaken,
      }));
    expect(changes).toEqual([
      {
        type: "created",
        from: null,
        to: "new",
        at: "2026-06-01T08:00:00.000Z",
        actor: customer.id,
        minutes: 0,
      },
      {
        type: "claimed",
        from: "new",
        to: "in_progress",
        at: "2026-06-01T09:55:00.000Z",
        actor: clerk2.id,
        minutes: 115,
      },
      {
        type: "info_requested",
        from: "in_progress",
        to: "waiting_customer",
        at: "2026-06-01T10:00:00.000Z",
        actor: clerk2.id,
        minutes: 120,
      },
      {
        type: "customer_reply",
        from: "waiting_customer",
        to: "in_progress",
        at: "2026-06-02T10:00:00.000Z",
        actor: customer.id,
        minutes: 120,
      },
      {
        type: "resolved",
        from: "in_progress",
        to: "resolved",
        at: "2026-06-02T10:15:00.000Z",
        actor: clerk2.id,
        minutes: 135,
      },
    ]);
  });

  it("opens a customer-satisfaction item on a low rating", async () => {
    const filed = await fileLeak(at("2026-06-01T09:00:00Z"));
    await claimItem(db, technician, filed.itemId, at("2026-06-01T12:55:00Z"));
    await resolveItem(
      db,
      technician,
      filed.itemId,
      { outcome: "resolved", note: "Joint remplacé." },
      { now: at("2026-06-01T13:00:00Z") },
    );
    await rateItem(
      db,
      {
        itemId: filed.itemId,
        quality: 1,
        speed: 3,
        comment: "Le technicien est venu très tard.",
        via: "email",
        actor: customerActor(customer),
        locale: "fr",
      },
      { now: at("2026-06-01T15:00:00Z") },
    );
    expect(await satisfactionItems(filed.itemId)).toEqual([
      expect.objectContaining({
        kindCode: "low_rating",
        departmentCode: "customer_satisfaction",
        customerUserId: customer.id,
        status: "new",
      }),
    ]);
  });
});

describe("follow-ups", () => {
  it("are refused before the deadline and open a linked satisfaction item after it", async () => {
    const filed = await fileLeak(at("2026-06-01T08:30:00Z")); // Mon 09:30, due Tue 09:30
    const refused = await appErrorOf(
      requestFollowUp(db, asCustomer(customer), filed.number, { now: at("2026-06-01T14:00:00Z") }),
    );
    expect(refused.code).toBe("FOLLOW_UP_NOT_ALLOWED");
    expect(await satisfactionItems(filed.itemId)).toEqual([]);

    const due = (await itemRow(db, filed.itemId)).resolutionDueAt!;
    const followUp = await requestFollowUp(db, asCustomer(customer), filed.number, {
      now: new Date(due.getTime() + 30 * 60_000),
    });
    expect(followUp).toMatchObject({ departmentCode: "customer_satisfaction", replayed: false });
    expect(await satisfactionItems(filed.itemId)).toEqual([
      expect.objectContaining({
        id: followUp.itemId,
        kindCode: "follow_up",
        departmentCode: "customer_satisfaction",
        parentItemId: filed.itemId,
      }),
    ]);
    // Only one open follow-up at a time.
    const twice = await appErrorOf(
      requestFollowUp(db, asCustomer(customer), filed.number, {
        now: new Date(due.getTime() + 60 * 60_000),
      }),
    );
    expect(twice.code).toBe("FOLLOW_UP_NOT_ALLOWED");
  });
});

describe("what a customer can read", () => {
  it("shows the owner the customer-visible events only, never internal notes", async () => {
    const filed = await fileWrongName(at("2026-06-03T08:00:00Z"));
    await claimItem(db, clerk2, filed.itemId, at("2026-06-03T08:05:00Z"));
    await addInternalNote(db, clerk2, filed.itemId, "Client déjà signalé pour fraude, vérifier.", {
      now: at("2026-06-03T08:10:00Z"),
    });
    await replyToCustomer(db, clerk2, filed.itemId, "Nous étudions votre demande.", {
      now: at("2026-06-03T08:15:00Z"),
    });

    const view = await getCustomerItem(db, { number: filed.number, userId: customer.id });
    expect(view?.item.id).toBe(filed.itemId);
    const visible = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(workItemEvents)
      .where(
        and(eq(workItemEvents.itemId, filed.itemId), eq(workItemEvents.visibility, "customer")),
      );
    expect(view!.events).toHaveLength(visible[0]!.n);
    expect(await eventCount(db, filed.itemId)).toBeGreaterThan(view!.events.length);
    expect(view!.events.map((e) => e.type)).toEqual(["created", "reply"]);
    expect(JSON.stringify(view)).not.toContain("fraude");
    expect(view!.events.map((e) => e.type)).not.toContain("note");
  });

  it("shows nothing to another customer, and to a guest only with the right tracking code", async () => {
    const filed = await fileWrongName(at("2026-06-03T09:00:00Z"));
    expect(await getCustomerItem(db, { number: filed.number, userId: youssef.id })).toBeUndefined();
    const guest = await getCustomerItem(db, {
      number: filed.number,
      trackingCode: filed.trackingCode.toLowerCase(),
    });
    expect(guest?.item.id).toBe(filed.itemId);
    expect(guest!.events.map((e) => e.type)).toEqual(["created"]);
    const wrong = filed.trackingCode === "ZZZZZZZZ" ? "YYYYYYYY" : "ZZZZZZZZ";
    expect(
      await getCustomerItem(db, { number: filed.number, trackingCode: wrong }),
    ).toBeUndefined();
    expect(await getCustomerItem(db, { number: filed.number })).toBeUndefined();
  });
});

describe("refused actions change nothing", () => {
  /** Runs an action expected to fail and checks the item and its timeline are untouched. */
  async function refusedWithoutChange(itemId: string, action: () => Promise<unknown>) {
    const row = await itemRow(db, itemId);
    const events = await eventCount(db, itemId);
    const error = await appErrorOf(action());
    expect(await itemRow(db, itemId)).toEqual(row);
    expect(await eventCount(db, itemId)).toBe(events);
    return error.code;
  }

  it("refuses a transfer to a department that does not exist", async () => {
    const filed = await fileWrongName(at("2026-06-04T08:00:00Z"));
    await claimItem(db, clerk2, filed.itemId, at("2026-06-04T08:05:00Z"));
    const code = await refusedWithoutChange(filed.itemId, () =>
      transferItem(
        db,
        clerk2,
        filed.itemId,
        { departmentCode: "no_such_department", reason: "Mauvais service" },
        { now: at("2026-06-04T08:10:00Z") },
      ),
    );
    expect(code).toBe("VALIDATION_FAILED");
  });

  it("refuses an action on an item a colleague holds", async () => {
    const filed = await fileWrongName(at("2026-06-04T09:00:00Z"));
    await claimItem(db, clerk2, filed.itemId, at("2026-06-04T09:05:00Z"));
    const code = await refusedWithoutChange(filed.itemId, () =>
      replyToCustomer(db, clerk, filed.itemId, "Je m'en occupe.", {
        now: at("2026-06-04T09:10:00Z"),
      }),
    );
    expect(code).toBe("ITEM_NOT_HELD");
  });

  it("refuses an action on a closed item", async () => {
    const filed = await fileWrongName(at("2026-06-04T10:00:00Z"));
    await claimItem(db, clerk2, filed.itemId, at("2026-06-04T10:05:00Z"));
    await resolveItem(
      db,
      clerk2,
      filed.itemId,
      { outcome: "resolved" },
      { now: at("2026-06-04T10:10:00Z") },
    );
    await closeItem(db, clerk2, filed.itemId, { now: at("2026-06-04T10:15:00Z") });
    const code = await refusedWithoutChange(filed.itemId, () =>
      replyToCustomer(db, clerk2, filed.itemId, "Encore une précision.", {
        now: at("2026-06-04T10:20:00Z"),
      }),
    );
    expect(code).toBe("ITEM_CLOSED");
  });
});
