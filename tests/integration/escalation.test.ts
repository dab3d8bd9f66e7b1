import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  itemEscalations,
  outbox,
  workItemEvents,
  type User,
  type WorkItemEvent,
} from "@/db/schema";
import { claimItem } from "@/lib/workflow/claim";
import { askCustomer, resolveItem } from "@/lib/workflow/clerk-actions";
import { runEscalations, type FiredEscalation } from "@/lib/workflow/escalation";
import { getCustomerItem, listQueue } from "@/lib/workflow/queries";
import { createTestDatabase } from "../helpers/db";
import { fileAsCustomer, itemRow, userByEmail } from "../helpers/workflow";

// A fake clock: every call gets its `now`. Casablanca is UTC+1 in April 2026, office hours
// 08:30–16:30 Monday to Friday, no holiday between 6 and 15 April.
const at = (iso: string) => new Date(iso);
const FILED = at("2026-04-06T08:00:00Z"); // Mon 6 April, 09:00 local
// A commercial complaint about a wrong name: customer relations, normal priority, 2,400
// business minutes = five working days.
const DUE = at("2026-04-13T08:00:00Z"); // Mon 13 April, 09:00 local

let db: Db;
let customer: User;
let clerk: User;
let supervisor: User;

beforeAll(async () => {
  // Resolving an item e-mails a rating link signed with the server's secret.
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  ({ db } = await createTestDatabase());
  customer = await userByEmail(db, "customer@wasla.example");
  clerk = await userByEmail(db, "clerk@wasla.example");
  supervisor = await userByEmail(db, "supervisor@wasla.example");
});

async function fileWrongName(now = FILED) {
  return fileAsCustomer(
    db,
    customer,
    {
      category: "wrong_name",
      description: "Le contrat est toujours au nom de l'ancien propriétaire du logement.",
    },
    now,
  );
}

const levelsFor = (fired: FiredEscalation[], itemId: string) =>
  fired.filter((f) => f.itemId === itemId).map((f) => f.level);

async function escalationRows(itemId: string) {
  return db
    .select()
    .from(itemEscalations)
    .where(eq(itemEscalations.itemId, itemId))
    .orderBy(asc(itemEscalations.level));
}

async function escalatedEvents(itemId: string): Promise<WorkItemEvent[]> {
  return db
    .select()
    .from(workItemEvents)
    .where(and(eq(workItemEvents.itemId, itemId), eq(workItemEvents.type, "escalated")))
    .orderBy(asc(workItemEvents.id));
}

/** Outbox rows of a staff template mentioning the item's number. */
async function staffMails(template: "staffNearBreach" | "staffBreach", number: string) {
  const rows = await db.select().from(outbox).where(eq(outbox.template, template));
  return rows.filter((r) => r.bodyText.includes(number) || r.subject.includes(number));
}

describe("automatic escalation, on a fake clock", () => {
  let itemId: string;
  let number: string;

  beforeAll(async () => {
    const filed = await fileWrongName();
    itemId = filed.itemId;
    number = filed.number;
    expect(filed).toMatchObject({ departmentCode: "customer_relations", priority: "normal" });
    expect(filed.resolutionDueAt).toBe(DUE.toISOString());
    await claimItem(db, clerk, itemId, at("2026-04-06T08:05:00Z"));
  });

  it("does nothing while more than an hour of business time is left", async () => {
    for (const now of [
      FILED,
      at("2026-04-09T14:00:00Z"), // Thu 15:00
      at("2026-04-10T14:59:00Z"), // Fri 15:59: 31 + 30 = 61 business minutes left
      at("2026-04-10T15:00:00Z"), // Fri 16:00: exactly 60 left, not fewer
    ]) {
      const run = await runEscalations(db, now);
      expect(levelsFor(run.fired, itemId)).toEqual([]);
    }
    expect(await escalationRows(itemId)).toEqual([]);
    expect((await itemRow(db, itemId)).escalationLevel).toBe(0);
  });

  it("fires level 1 once at near breach, even from three concurrent runs", async () => {
    // Fri 16:01: 29 minutes before closing and 30 on Monday morning — the weekend does not count.
    const nearBreach = at("2026-04-10T15:01:00Z");
    const concurrent = await Promise.all([1, 2, 3].map(() => runEscalations(db, nearBreach)));
    expect(concurrent.flatMap((run) => levelsFor(run.fired, itemId))).toEqual([1]);
    for (const now of [nearBreach, at("2026-04-10T15:30:00Z"), at("2026-04-11T10:00:00Z")]) {
      expect(levelsFor((await runEscalations(db, now)).fired, itemId)).toEqual([]);
    }

    expect((await escalationRows(itemId)).map((r) => [r.level, r.firedAt])).toEqual([
      [1, nearBreach],
    ]);
    const mails = await staffMails("staffNearBreach", number);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: clerk.email, locale: clerk.locale });
    expect(await staffMails("staffBreach", number)).toEqual([]);
    const events = await escalatedEvents(itemId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ visibility: "internal", at: nearBreach });
    expect(events[0]!.data).toMatchObject({ level: 1, notified: [clerk.id] });
    expect(await itemRow(db, itemId)).toMatchObject({ escalationLevel: 1, priority: "normal" });
  });

  it("fires level 2 at the deadline: supervisors e-mailed, priority up, the customer told", async () => {
    expect(levelsFor((await runEscalations(db, at("2026-04-13T07:59:00Z"))).fired, itemId)).toEqual(
      [],
    );
    const results = await Promise.all([1, 2, 3].map(() => runEscalations(db, DUE)));
    expect(results.flatMap((run) => levelsFor(run.fired, itemId))).toEqual([2]);
    expect(levelsFor((await runEscalations(db, at("2026-04-13T10:00:00Z"))).fired, itemId)).toEqual(
      [],
    );

    expect(await itemRow(db, itemId)).toMatchObject({
      escalationLevel: 2,
      priority: "high",
      lastCustomerVisibleAt: DUE,
    });
    const mails = await staffMails("staffBreach", number);
    expect(mails.map((m) => m.toAddress)).toEqual([supervisor.email]);
    expect(await staffMails("staffNearBreach", number)).toHaveLength(1);

    const events = await escalatedEvents(itemId);
    expect(events.map((e) => [e.visibility, (e.data as { level: number }).level])).toEqual([
      ["internal", 1],
      ["internal", 2],
      ["customer", 2],
    ]);
    expect(events[2]).toMatchObject({ messageKey: "escalated", at: DUE });

    // The customer sees that the request was escalated, and none of the internal steps.
    const view = await getCustomerItem(db, { number, userId: customer.id });
    const escalated = view!.events.filter((e) => e.type === "escalated");
    expect(escalated).toEqual([expect.objectContaining({ messageKey: "escalated", at: DUE })]);
    expect(view!.events.map((e) => e.type)).not.toContain("priority_changed");
    expect(view!.events.map((e) => e.type)).not.toContain("claimed");
  });

  it("moves the item to the escalation view at the second breach, and never fires again", async () => {
    // Second breach: the high policy's 960 business minutes (two days) after the breach.
    const queue = () => listQueue(db, supervisor, { escalated: true }, DUE);
    expect((await queue()).map((i) => i.id)).not.toContain(itemId);
    expect(levelsFor((await runEscalations(db, at("2026-04-15T07:59:00Z"))).fired, itemId)).toEqual(
      [],
    );
    const secondBreach = at("2026-04-15T08:00:00Z"); // Wed 09:00
    expect(levelsFor((await runEscalations(db, secondBreach)).fired, itemId)).toEqual([3]);
    for (const now of [secondBreach, at("2026-05-20T10:00:00Z")]) {
      expect(levelsFor((await runEscalations(db, now)).fired, itemId)).toEqual([]);
    }

    expect(await itemRow(db, itemId)).toMatchObject({ escalationLevel: 3, priority: "high" });
    expect((await escalationRows(itemId)).map((r) => r.level)).toEqual([1, 2, 3]);
    expect((await queue()).map((i) => i.id)).toContain(itemId);
    const events = await escalatedEvents(itemId);
    expect(events.at(-1)).toMatchObject({ visibility: "internal", at: secondBreach });
    expect(events.at(-1)!.data).toMatchObject({ level: 3 });
    // Still one e-mail of each kind after all those runs.
    expect(await staffMails("staffNearBreach", number)).toHaveLength(1);
    expect(await staffMails("staffBreach", number)).toHaveLength(1);
  });
});

describe("escalation of items found late or not running", () => {
  it("records level 1 without its e-mail when the breach is found at once, then fires level 2", async () => {
    const filed = await fileWrongName(at("2026-04-07T08:00:00Z")); // Tue 09:00
    const run = await runEscalations(db, at("2026-04-14T09:00:00Z")); // Tue 10:00, a week later
    expect(run.fired.filter((f) => f.itemId === filed.itemId)).toEqual([
      expect.objectContaining({ level: 1, superseded: true }),
      expect.objectContaining({ level: 2, superseded: false }),
    ]);
    // Unassigned: no near-breach e-mail in any case; the supervisors hear of the breach.
    expect(await staffMails("staffNearBreach", filed.number)).toEqual([]);
    expect(await staffMails("staffBreach", filed.number)).toHaveLength(1);
    const [level1] = await escalatedEvents(filed.itemId);
    expect(level1!.data).toMatchObject({ level: 1, superseded: true, notified: [] });
    expect(await itemRow(db, filed.itemId)).toMatchObject({ escalationLevel: 2, priority: "high" });
  });

  it("fires all three levels in order when the second breach is found at once", async () => {
    const filed = await fileWrongName(at("2026-04-06T09:00:00Z"));
    const run = await runEscalations(db, at("2026-05-20T09:00:00Z"));
    expect(levelsFor(run.fired, filed.itemId)).toEqual([1, 2, 3]);
    expect(await itemRow(db, filed.itemId)).toMatchObject({ escalationLevel: 3 });
  });

  it("leaves resolved items and items waiting on the customer alone", async () => {
    const resolved = await fileWrongName(at("2026-04-06T10:00:00Z"));
    await claimItem(db, clerk, resolved.itemId, at("2026-04-06T10:01:00Z"));
    await resolveItem(
      db,
      clerk,
      resolved.itemId,
      { outcome: "resolved", note: "Nom corrigé." },
      { now: at("2026-04-06T10:05:00Z") },
    );
    const waiting = await fileWrongName(at("2026-04-06T10:00:00Z"));
    await claimItem(db, clerk, waiting.itemId, at("2026-04-06T10:01:00Z"));
    await askCustomer(db, clerk, waiting.itemId, "Merci d'envoyer l'acte de vente.", {
      now: at("2026-04-06T10:05:00Z"),
    });
    expect((await itemRow(db, waiting.itemId)).resolutionDueAt).toBeNull();

    const run = await runEscalations(db, at("2026-06-30T10:00:00Z"));
    expect(levelsFor(run.fired, resolved.itemId)).toEqual([]);
    expect(levelsFor(run.fired, waiting.itemId)).toEqual([]);
    expect(await escalationRows(resolved.itemId)).toEqual([]);
    expect(await escalationRows(waiting.itemId)).toEqual([]);
  });
});
