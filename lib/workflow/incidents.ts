import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { departments, incidents, workItems } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { departmentsOf, lockItemForStaff, type Staff } from "./access";
import { replyToCustomer, resolveItem } from "./clerk-actions";
import { recordEvent } from "./record-event";
import { isUuid } from "@/lib/validation/ids";

function assertSupervisor(staff: Staff) {
  if (staff.role !== "supervisor" && staff.role !== "admin") throw new AppError("FORBIDDEN");
}

/** Open a mass incident (an outage in a zone): new matching complaints attach to it on filing. */
export async function openIncident(
  db: Db,
  staff: Staff,
  input: {
    title: string;
    departmentCode: string;
    service?: "electricity" | "water" | "sanitation";
    zone?: string;
    keywords: string[];
  },
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  assertSupervisor(staff);
  return db.transaction(async (tx) => {
    const [dept] = await tx
      .select()
      .from(departments)
      .where(eq(departments.code, input.departmentCode));
    const allowed = await departmentsOf(tx, staff);
    if (!dept || (allowed && !allowed.includes(dept.id)))
      throw new AppError("VALIDATION_FAILED", "department", { departmentCode: "invalid" });
    const [incident] = await tx
      .insert(incidents)
      .values({
        title: input.title,
        departmentId: dept.id,
        service: input.service ?? null,
        zone: input.zone ?? null,
        keywords: input.keywords,
        openedBy: staff.id,
        // Only the demo history passes a clock: a past outage opened when it happened.
        ...(opts.now ? { openedAt: opts.now } : {}),
      })
      .returning();
    await writeAudit(tx, {
      actor: { kind: "user", userId: staff.id, role: staff.role },
      action: "incident.open",
      entityType: "incident",
      entityId: incident!.id,
      after: input,
      meta: opts.meta,
    });
    return incident!;
  });
}

/** Attach open items to an incident (by id); each customer sees the link in their timeline. */
export async function attachToIncident(
  db: Db,
  staff: Staff,
  incidentId: string,
  itemIds: string[],
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  assertSupervisor(staff);
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const incident = await getIncidentForStaff(tx, staff, incidentId);
    if (incident.status !== "open") throw new AppError("ITEM_CLOSED");
    let attached = 0;
    for (const id of [...new Set(itemIds)].sort()) {
      const item = await lockItemForStaff(tx, staff, id);
      if (item.incidentId === incident.id || item.status === "closed" || item.status === "resolved")
        continue;
      await tx
        .update(workItems)
        .set({ incidentId: incident.id, updatedAt: now })
        .where(eq(workItems.id, item.id));
      await recordEvent(tx, {
        itemId: item.id,
        type: "incident_attached",
        visibility: "customer",
        actor: { kind: "user", userId: staff.id, role: staff.role },
        at: now,
        messageKey: "incidentAttached",
        data: { incidentId: incident.id },
      });
      attached++;
    }
    await writeAudit(tx, {
      actor: { kind: "user", userId: staff.id, role: staff.role },
      action: "incident.attach",
      entityType: "incident",
      entityId: incident.id,
      after: { itemIds },
      meta: opts.meta,
    });
    return attached;
  });
}

async function getIncidentForStaff(db: DbOrTx, staff: Staff, incidentId: string) {
  if (!isUuid(incidentId)) throw new AppError("NOT_FOUND");
  const allowed = await departmentsOf(db, staff);
  const [incident] = await db
    .select()
    .from(incidents)
    .where(
      and(
        eq(incidents.id, incidentId),
        allowed
          ? allowed.length
            ? inArray(incidents.departmentId, allowed)
            : sql`false`
          : undefined,
      ),
    );
  if (!incident) throw new AppError("NOT_FOUND");
  return incident;
}

async function openAttachedIds(db: DbOrTx, incidentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: workItems.id })
    .from(workItems)
    .where(
      and(
        eq(workItems.incidentId, incidentId),
        sql`${workItems.status} not in ('resolved', 'closed')`,
        sql`${workItems.mergedIntoId} is null`,
      ),
    );
  return rows.map((r) => r.id);
}

/** One update on the incident reaches every attached customer (each item in its own transaction). */
export async function replyToIncident(
  db: Db,
  staff: Staff,
  incidentId: string,
  body: string,
  opts: { meta?: RequestMeta } = {},
) {
  assertSupervisor(staff);
  await getIncidentForStaff(db, staff, incidentId);
  const ids = await openAttachedIds(db, incidentId);
  for (const id of ids) await replyToCustomer(db, staff, id, body, opts);
  return ids.length;
}

/** Resolve the incident and every item still open on it, with one outcome and note. */
export async function resolveIncident(
  db: Db,
  staff: Staff,
  incidentId: string,
  input: { note: string },
  opts: { now?: Date; meta?: RequestMeta } = {},
) {
  assertSupervisor(staff);
  const incident = await getIncidentForStaff(db, staff, incidentId);
  if (incident.status !== "open") throw new AppError("ITEM_CLOSED");
  const ids = await openAttachedIds(db, incidentId);
  for (const id of ids)
    await resolveItem(db, staff, id, { outcome: "resolved", note: input.note }, opts);
  await db.transaction(async (tx) => {
    await tx
      .update(incidents)
      .set({ status: "resolved", resolvedAt: opts.now ?? new Date() })
      .where(eq(incidents.id, incidentId));
    await writeAudit(tx, {
      actor: { kind: "user", userId: staff.id, role: staff.role },
      action: "incident.resolve",
      entityType: "incident",
      entityId: incidentId,
      after: { items: ids.length },
      meta: opts.meta,
    });
  });
  return ids.length;
}

/** Incidents of the staff member's departments, open first, with their open item counts. */
export async function listIncidents(db: DbOrTx, staff: Staff) {
  const allowed = await departmentsOf(db, staff);
  return db
    .select({
      incident: incidents,
      departmentCode: departments.code,
      openItems: sql<number>`(select count(*)::int from ${workItems} w where w.incident_id = ${incidents.id} and w.status not in ('resolved','closed'))`,
      totalItems: sql<number>`(select count(*)::int from ${workItems} w where w.incident_id = ${incidents.id})`,
    })
    .from(incidents)
    .innerJoin(departments, eq(departments.id, incidents.departmentId))
    .where(
      allowed
        ? allowed.length
          ? inArray(incidents.departmentId, allowed)
          : sql`false`
        : undefined,
    )
    .orderBy(sql`${incidents.status} = 'open' desc`, desc(incidents.openedAt))
    .limit(100);
}
