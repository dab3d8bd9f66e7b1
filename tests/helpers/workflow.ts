import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, workItemEvents, workItems, type User, type WorkItem } from "@/db/schema";
import { fileComplaint } from "@/lib/complaints/file-complaint";
import type { ComplaintInput } from "@/lib/complaints/schemas";
import { AppError } from "@/lib/errors";

/** A user of the demo data set, by e-mail. */
export async function userByEmail(db: Db, email: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo user ${email} is missing`);
  return user;
}

/** The AppError a call fails with; any other outcome fails the test. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail with an AppError");
}

/** A customer files a complaint from the portal at `now`. */
export function fileAsCustomer(
  db: Db,
  customer: User,
  input: ComplaintInput,
  now: Date,
): ReturnType<typeof fileComplaint> {
  return fileComplaint(
    db,
    input,
    {
      customer: { id: customer.id, locale: customer.locale },
      actor: { kind: "user", userId: customer.id, role: "customer" },
      idempotencyScope: `user:${customer.id}`,
    },
    undefined,
    now,
  );
}

/** The item's row as stored now. */
export async function itemRow(db: Db, itemId: string): Promise<WorkItem> {
  const [item] = await db.select().from(workItems).where(eq(workItems.id, itemId));
  if (!item) throw new Error(`item ${itemId} is missing`);
  return item;
}

/** How many timeline events the item has. */
export async function eventCount(db: Db, itemId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workItemEvents)
    .where(eq(workItemEvents.itemId, itemId));
  return row?.n ?? 0;
}

/** Rows in a table, by name (for "nothing was written" checks). */
export async function rowCount(db: Db, table: string): Promise<number> {
  const { rows } = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return (rows[0] as { n: number }).n;
}
