/**
 * The connection price list as administrators keep it: one amount per service, use and quote
 * line. The clerk's quote editor pre-fills from the active lines (priceListLines). Lines are
 * deactivated, never deleted: the audit log keeps what each quote was priced from.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { connectionPrices, connectionRequestTypes } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { parseAmount } from "@/lib/payments/admin-schemas";
import { getUtility } from "@/lib/utility/get-utility";
import { auditActorOf, type AdminUser } from "@/lib/workflow/admin-actor";
import { SERVICES, USES } from "../schemas";
import type { CreatePriceInput, UpdatePriceInput } from "./schemas";

export type PriceRow = typeof connectionPrices.$inferSelect;

/** Every line by service, then use, the lines for every type first, then quote line kind. */
export async function listConnectionPrices(db: DbOrTx): Promise<PriceRow[]> {
  const rows = await db.select().from(connectionPrices).orderBy(asc(connectionPrices.kind));
  const rank = (list: readonly string[], v: string) => list.indexOf(v);
  return rows.sort(
    (a, b) =>
      rank(SERVICES, a.service) - rank(SERVICES, b.service) ||
      rank(USES, a.use) - rank(USES, b.use) ||
      (a.typeCode ?? "").localeCompare(b.typeCode ?? ""),
  );
}

/**
 * The typed amount in minor units of `currency`, exactly (too many decimals are refused, not
 * rounded). Zero is a price (sanitation has no meter to sell); negative, empty, not a number
 * and above the payments' ceiling are refused.
 */
function amountMinor(raw: string, currency: string): number {
  const parsed = parseAmount(raw, currency, { lenient: true });
  if (parsed.ok) return parsed.minor;
  if (parsed.key === "amountZero") return 0;
  throw new AppError("VALIDATION_FAILED", "amount", { amount: parsed.key });
}

async function priceById(tx: DbOrTx, priceId: string): Promise<PriceRow> {
  const [row] = await tx.select().from(connectionPrices).where(eq(connectionPrices.id, priceId));
  if (!row) throw new AppError("NOT_FOUND", "price line");
  return row;
}

/**
 * Add a line for a service, use and kind (for every type, or for one) that has none yet, in
 * the utility's currency.
 */
export async function createConnectionPrice(
  db: Db,
  admin: AdminUser,
  input: CreatePriceInput,
  meta?: RequestMeta,
): Promise<PriceRow> {
  const actor = auditActorOf(admin);
  const { currency } = await getUtility(db);
  const minor = amountMinor(input.amount, currency);
  return db.transaction(async (tx) => {
    if (input.typeCode) {
      const [type] = await tx
        .select({ code: connectionRequestTypes.code })
        .from(connectionRequestTypes)
        .where(eq(connectionRequestTypes.code, input.typeCode));
      if (!type) throw new AppError("VALIDATION_FAILED", "type", { typeCode: "typeUnknown" });
    }
    const [existing] = await tx
      .select({ id: connectionPrices.id })
      .from(connectionPrices)
      .where(
        and(
          eq(connectionPrices.service, input.service),
          eq(connectionPrices.use, input.use),
          eq(connectionPrices.kind, input.kind),
          input.typeCode
            ? eq(connectionPrices.typeCode, input.typeCode)
            : isNull(connectionPrices.typeCode),
        ),
      );
    // One price per line: a second one would make the quote editor's choice arbitrary.
    if (existing) throw new AppError("CONFLICT", "price exists", { kind: "priceExists" });
    const [row] = await tx
      .insert(connectionPrices)
      .values({
        service: input.service,
        use: input.use,
        kind: input.kind,
        typeCode: input.typeCode,
        amountMinor: minor,
        currency,
      })
      .onConflictDoNothing()
      .returning();
    // A concurrent admin added the same line between the check and the insert.
    if (!row) throw new AppError("CONFLICT", "price exists", { kind: "priceExists" });
    await writeAudit(tx, {
      actor,
      action: "connection_price.create",
      entityType: "connection_price",
      entityId: row.id,
      after: row,
      meta,
    });
    return row;
  });
}

/** Change a line's amount, in the line's own currency. */
export async function updateConnectionPrice(
  db: Db,
  admin: AdminUser,
  input: UpdatePriceInput,
  meta?: RequestMeta,
): Promise<PriceRow> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    const before = await priceById(tx, input.priceId);
    const minor = amountMinor(input.amount, before.currency);
    const [after] = await tx
      .update(connectionPrices)
      .set({ amountMinor: minor })
      .where(eq(connectionPrices.id, before.id))
      .returning();
    await writeAudit(tx, {
      actor,
      action: "connection_price.update",
      entityType: "connection_price",
      entityId: before.id,
      before,
      after,
      meta,
    });
    return after!;
  });
}

/** Take a line off the quote editor's pre-fill (or put it back). */
export async function setConnectionPriceActive(
  db: Db,
  admin: AdminUser,
  input: { priceId: string; active: boolean },
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    const before = await priceById(tx, input.priceId);
    if (before.active === input.active) return;
    await tx
      .update(connectionPrices)
      .set({ active: input.active })
      .where(eq(connectionPrices.id, before.id));
    await writeAudit(tx, {
      actor,
      action: input.active ? "connection_price.activate" : "connection_price.deactivate",
      entityType: "connection_price",
      entityId: before.id,
      before: { active: before.active },
      after: { active: input.active },
      meta,
    });
  });
}
