import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db, type Tx } from "@/db/client";
import { complaints, numberCounters, workItems, type User } from "@/db/schema";
import { fileSubmission, type Submission } from "@/lib/intake/file-submission";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, fileAsCustomer, rowCount, userByEmail } from "../helpers/workflow";

const NOW = new Date("2026-06-02T09:00:00Z"); // Tue 2 June 2026, 10:00 in Casablanca
// Every table a filing writes to: a failed filing must leave each of them as it was.
const TABLES = [
  "complaints",
  "work_items",
  "work_item_events",
  "audit_log",
  "outbox",
  "idempotency_keys",
] as const;

let db: Db;
let url: string;
let customer: User;

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  customer = await userByEmail(db, "customer@wasla.example");
});

async function snapshot() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = await rowCount(db, table);
  const counters = await db.select().from(numberCounters).orderBy(numberCounters.prefix);
  return { counts, counters };
}

/** A commercial complaint filed through the intake path itself, with a subject of our choosing. */
function submission(createSubject: Submission["createSubject"]): Submission {
  return {
    kind: "complaint_commercial",
    channel: "web",
    title: "Nom erroné",
    description: "Le contrat porte le nom de l'ancien locataire.",
    locale: "fr",
    actor: { kind: "user", userId: customer.id, role: "customer" },
    customerUserId: customer.id,
    createSubject,
  };
}

const insertComplaint = async (tx: Tx) => {
  const [row] = await tx
    .insert(complaints)
    .values({
      category: "wrong_name",
      description: "Le contrat porte le nom de l'ancien locataire.",
    })
    .returning({ id: complaints.id });
  return { type: "complaint", id: row!.id };
};

describe("a crash in the middle of an intake", () => {
  it("leaves nothing behind when the domain step fails after writing its row", async () => {
    const before = await snapshot();
    const failure = fileSubmission(
      db,
      submission(async (tx) => {
        await insertComplaint(tx);
        throw new Error("disk full while storing the photo");
      }),
      NOW,
    );
    await expect(failure).rejects.toThrow("disk full");
    expect(await snapshot()).toEqual(before);
  });

  it("leaves nothing behind, and no gap in the numbers, when the last step (the e-mail) fails", async () => {
    // The acknowledgement e-mail is written last, after the number was taken and the item, its
    // event and the audit row were written: make that insert fail inside the database.
    await db.execute(sql`
      create function fail_outbox() returns trigger language plpgsql as $$
      begin raise exception 'outbox unavailable'; end $$`);
    await db.execute(sql`
      create trigger fail_outbox before insert on outbox for each row execute function fail_outbox()`);
    const before = await snapshot();
    try {
      await expect(fileSubmission(db, submission(insertComplaint), NOW)).rejects.toThrow();
      expect(await snapshot()).toEqual(before);
    } finally {
      await db.execute(sql`drop trigger fail_outbox on outbox`);
      await db.execute(sql`drop function fail_outbox()`);
    }

    const last = before.counters.find((c) => c.prefix === "RC" && c.year === 2026)?.last ?? 0;
    const filed = await fileSubmission(db, submission(insertComplaint), NOW);
    expect(filed.number).toBe(`RC-2026-${String(last + 1).padStart(6, "0")}`);
    const after = await snapshot();
    expect(after.counts).toEqual({
      ...before.counts,
      complaints: before.counts.complaints! + 1,
      work_items: before.counts.work_items! + 1,
      work_item_events: before.counts.work_item_events! + 1,
      audit_log: before.counts.audit_log! + 1,
      outbox: before.counts.outbox! + 1,
    });
  });
});

describe("idempotent filing", () => {
  const input = (
    key: string,
    description = "Le compteur affiche un nom qui n'est pas le mien.",
  ) => ({
    category: "wrong_name" as const,
    description,
    idempotencyKey: key,
  });

  it("replays the first answer for the same key and body", async () => {
    const key = randomUUID();
    const first = await fileAsCustomer(db, customer, input(key), NOW);
    const again = await fileAsCustomer(db, customer, input(key), NOW);
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ ...first, replayed: true });
    const items = await db.select().from(workItems).where(eq(workItems.number, first.number));
    expect(items).toHaveLength(1);
  });

  it("refuses the same key with another body, and writes nothing", async () => {
    const key = randomUUID();
    await fileAsCustomer(db, customer, input(key), NOW);
    const before = await snapshot();
    const error = await appErrorOf(
      fileAsCustomer(db, customer, input(key, "Une tout autre réclamation, sans rapport."), NOW),
    );
    expect(error.code).toBe("CONFLICT");
    expect(await snapshot()).toEqual(before);
  });

  it("files once when ten requests with the same key arrive together", async () => {
    // A pool of its own, wide enough for the ten to really run at the same time.
    const wide = createDb(url, { max: 12 });
    try {
      const key = randomUUID();
      const before = await snapshot();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => fileAsCustomer(wide, customer, input(key), NOW)),
      );
      expect(new Set(results.map((r) => r.itemId)).size).toBe(1);
      expect(new Set(results.map((r) => r.number)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      const after = await snapshot();
      expect(after.counts.work_items).toBe(before.counts.work_items! + 1);
      expect(after.counts.complaints).toBe(before.counts.complaints! + 1);
      expect(after.counts.idempotency_keys).toBe(before.counts.idempotency_keys! + 1);
      // The nine that lost rolled their number back: the counter moved by one.
      const counter = (s: typeof before) =>
        s.counters.find((c) => c.prefix === "RC" && c.year === 2026)?.last ?? 0;
      expect(counter(after)).toBe(counter(before) + 1);
      const [stored] = await db
        .select()
        .from(workItems)
        .where(
          and(eq(workItems.id, results[0]!.itemId), eq(workItems.customerUserId, customer.id)),
        );
      expect(stored?.number).toBe(results[0]!.number);
    } finally {
      await wide.$client.end();
    }
  });

  it("does not mistake another customer's key for a replay", async () => {
    const key = randomUUID();
    const youssef = await userByEmail(db, "youssef@wasla.example");
    const mine = await fileAsCustomer(db, customer, input(key), NOW);
    const theirs = await fileAsCustomer(db, youssef, input(key), NOW);
    expect(theirs.replayed).toBe(false);
    expect(theirs.itemId).not.toBe(mine.itemId);
  });
});
