/**
 * Connection request types as administrators edit them. A new type (meter relocation, change
 * of holder) is, in one transaction: a request kind (its own number prefix), a routing rule
 * that sends its items to the connections department, and the type row the customer's form
 * reads — so a customer can file it at once, with no code change. Types are never deleted
 * (requests keep their type): only deactivated, which takes them off the customer's list.
 */
import { asc, count, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import {
  connectionRequests,
  connectionRequestTypes,
  requestKinds,
  type ConnectionRequestType,
} from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { auditActorOf, type AdminUser } from "@/lib/workflow/admin-actor";
import { createRequestKind } from "@/lib/workflow/admin-kinds";
import { createRoutingRule } from "@/lib/workflow/admin-routing";
import type { CreateTypeInput, UpdateTypeInput } from "./schemas";

/** The department whose queue and back office handle every connection request. */
const CONNECTIONS_DEPARTMENT = "connections";

export type AdminConnectionType = ConnectionRequestType & {
  numberPrefix: string;
  requestCount: number;
};

/** Every type, active or not, in the customers' order, with how many requests it has. */
export async function listConnectionTypes(db: DbOrTx): Promise<AdminConnectionType[]> {
  const counts = db
    .select({ typeCode: connectionRequests.typeCode, n: count().as("n") })
    .from(connectionRequests)
    .groupBy(connectionRequests.typeCode)
    .as("counts");
  const rows = await db
    .select({
      type: connectionRequestTypes,
      numberPrefix: requestKinds.numberPrefix,
      n: counts.n,
    })
    .from(connectionRequestTypes)
    .innerJoin(requestKinds, eq(requestKinds.code, connectionRequestTypes.code))
    .leftJoin(counts, eq(counts.typeCode, connectionRequestTypes.code))
    .orderBy(asc(connectionRequestTypes.position), asc(connectionRequestTypes.code));
  return rows.map((r) => ({ ...r.type, numberPrefix: r.numberPrefix, requestCount: r.n ?? 0 }));
}

async function typeByCode(tx: DbOrTx, code: string): Promise<ConnectionRequestType> {
  const [type] = await tx
    .select()
    .from(connectionRequestTypes)
    .where(eq(connectionRequestTypes.code, code));
  if (!type) throw new AppError("NOT_FOUND", `connection type ${code}`);
  return type;
}

/**
 * Add a type with its request kind and routing rule. The kind's own checks (code and prefix
 * free) and audit row come from the kinds admin, the rule's from the routing admin: each runs
 * in a savepoint of this transaction, so a refusal anywhere stores nothing.
 */
export async function createConnectionType(
  db: Db,
  admin: AdminUser,
  input: CreateTypeInput,
  meta?: RequestMeta,
): Promise<ConnectionRequestType> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    const asDb = tx as unknown as Db;
    await createRequestKind(
      asDb,
      admin,
      {
        code: input.code,
        numberPrefix: input.numberPrefix,
        nameAr: input.nameAr,
        nameFr: input.nameFr,
        nameEn: input.nameEn,
        customerCanFile: true,
        // The kind's deadlines are the defaults; the type's decision days go on the receipt.
        policies: {},
      },
      meta,
    );
    await createRoutingRule(
      asDb,
      admin,
      {
        name: input.nameFr,
        kindCode: input.code,
        service: null,
        zone: null,
        channel: null,
        keywords: [],
        departmentCode: CONNECTIONS_DEPARTMENT,
        priority: null,
        validFrom: null,
        validUntil: null,
        active: true,
        // Just before the catch-all, with the other connection rules.
        placement: "bottom",
      },
      meta,
    );
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${connectionRequestTypes.position}), 0) + 1` })
      .from(connectionRequestTypes)) as [{ next: number }];
    const [type] = await tx
      .insert(connectionRequestTypes)
      .values({
        code: input.code,
        family: input.family,
        nameAr: input.nameAr,
        nameFr: input.nameFr,
        nameEn: input.nameEn,
        services: input.services,
        documents: input.documents,
        needsContract: input.needsContract,
        decisionDays: input.decisionDays,
        completionDays: input.completionDays,
        position: Number(next),
        active: true,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      action: "connection_type.create",
      entityType: "connection_type",
      entityId: type!.code,
      after: type,
      meta,
    });
    return type!;
  });
}

/**
 * Change a type's names, services, documents and deadlines. Its code, number prefix and
 * family stay: requests in progress follow the family's stages and carry the number.
 * Requests already filed keep the documents they were filed with.
 */
export async function updateConnectionType(
  db: Db,
  admin: AdminUser,
  input: UpdateTypeInput,
  meta?: RequestMeta,
): Promise<ConnectionRequestType> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    const before = await typeByCode(tx, input.code);
    const [after] = await tx
      .update(connectionRequestTypes)
      .set({
        nameAr: input.nameAr,
        nameFr: input.nameFr,
        nameEn: input.nameEn,
        services: input.services,
        documents: input.documents,
        needsContract: input.needsContract,
        decisionDays: input.decisionDays,
        completionDays: input.completionDays,
      })
      .where(eq(connectionRequestTypes.code, before.code))
      .returning();
    await writeAudit(tx, {
      actor,
      action: "connection_type.update",
      entityType: "connection_type",
      entityId: before.code,
      before,
      after,
      meta,
    });
    return after!;
  });
}

/**
 * Open or close a type to new requests. Requests of a closed type carry on to the end; its
 * request kind stays as it is (the kinds page owns it), customers simply no longer see it.
 */
export async function setConnectionTypeActive(
  db: Db,
  admin: AdminUser,
  input: { code: string; active: boolean },
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    const before = await typeByCode(tx, input.code);
    if (before.active === input.active) return;
    await tx
      .update(connectionRequestTypes)
      .set({ active: input.active })
      .where(eq(connectionRequestTypes.code, before.code));
    await writeAudit(tx, {
      actor,
      action: input.active ? "connection_type.activate" : "connection_type.deactivate",
      entityType: "connection_type",
      entityId: before.code,
      before: { active: before.active },
      after: { active: input.active },
      meta,
    });
  });
}
