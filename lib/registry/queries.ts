import { and, asc, desc, eq, ilike, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  departments,
  registryAnnotations,
  registryAttachments,
  registryDistributions,
  registryEntries,
  registryReplies,
  users,
  workItems,
  type RegistryEntry,
} from "@/db/schema";
import type { Staff } from "@/lib/workflow/access";
import { isUuid } from "@/lib/validation/ids";
import { registryStaffScope } from "./access";
import type { RegisterFilters } from "./schemas";

/** LIKE wildcards typed by a clerk are searched for literally. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE clause of the register for these filters, in the utility's time zone. */
function registerWhere(staff: Staff, f: RegisterFilters, timeZone: string): SQL | undefined {
  return and(
    registryStaffScope(staff),
    eq(registryEntries.direction, f.direction),
    f.number ? ilike(registryEntries.registryNo, contains(f.number.toUpperCase())) : undefined,
    f.sender ? ilike(registryEntries.partyName, contains(f.sender)) : undefined,
    f.subject ? ilike(registryEntries.subject, contains(f.subject)) : undefined,
    // A day is the utility's day: 1 January starts at midnight in Casablanca, not in UTC.
    f.from
      ? sql`${registryEntries.registeredAt} >= (${f.from}::date)::timestamp at time zone ${timeZone}`
      : undefined,
    f.to
      ? sql`${registryEntries.registeredAt} < (${f.to}::date + 1)::timestamp at time zone ${timeZone}`
      : undefined,
    f.status ? eq(workItems.status, f.status) : undefined,
    f.department
      ? sql`exists (select 1 from ${registryDistributions} rd join ${departments} d on d.id = rd.department_id
          where rd.entry_id = ${registryEntries.id} and d.code = ${f.department})`
      : undefined,
  );
}

const registerColumns = {
  id: registryEntries.id,
  registryNo: registryEntries.registryNo,
  year: registryEntries.year,
  seq: registryEntries.seq,
  registeredAt: registryEntries.registeredAt,
  channel: registryEntries.channel,
  category: registryEntries.category,
  subject: registryEntries.subject,
  partyName: registryEntries.partyName,
  partyNationalId: registryEntries.partyNationalId,
  status: workItems.status,
  resolutionDueAt: workItems.resolutionDueAt,
  inReplyToId: registryEntries.inReplyToId,
};

export type RegisterRow = Awaited<ReturnType<typeof searchRegister>>[number] & {
  departments?: string[];
};

/**
 * The register for registry staff: entries matching the filters, newest number first (or in
 * number order for printing and export), with the status of the letter's item. Others: nothing.
 */
export async function searchRegister(
  db: DbOrTx,
  staff: Staff,
  filters: RegisterFilters,
  options: { timeZone: string; limit?: number; order?: "newest" | "number" },
) {
  const order =
    options.order === "number"
      ? [asc(registryEntries.year), asc(registryEntries.seq)]
      : [desc(registryEntries.year), desc(registryEntries.seq)];
  const query = db
    .select(registerColumns)
    .from(registryEntries)
    // Incoming letters carry their item's number; outgoing ones have no item of their own.
    .leftJoin(workItems, eq(workItems.number, registryEntries.registryNo))
    .where(registerWhere(staff, filters, options.timeZone))
    .orderBy(...order);
  return options.limit ? query.limit(options.limit) : query;
}

/** Department codes per entry (lead first), for a page of the register. */
export async function departmentsOfEntries(
  db: DbOrTx,
  entryIds: string[],
): Promise<Map<string, { code: string; lead: boolean }[]>> {
  const map = new Map<string, { code: string; lead: boolean }[]>();
  if (!entryIds.length) return map;
  const rows = await db
    .select({
      entryId: registryDistributions.entryId,
      code: departments.code,
      lead: registryDistributions.lead,
    })
    .from(registryDistributions)
    .innerJoin(departments, eq(departments.id, registryDistributions.departmentId))
    .where(inArray(registryDistributions.entryId, entryIds))
    .orderBy(desc(registryDistributions.lead), asc(registryDistributions.distributedAt));
  for (const r of rows) {
    const list = map.get(r.entryId) ?? [];
    list.push({ code: r.code, lead: r.lead === "lead" });
    map.set(r.entryId, list);
  }
  return map;
}

/**
 * Everything about one entry for registry staff: the letter, its attachments, annotations, its
 * item, where each distributed copy stands, and the reply. Unknown or out of scope: undefined.
 */
export async function getRegistryEntry(db: DbOrTx, staff: Staff, entryId: string) {
  if (!isUuid(entryId)) return undefined;
  const [entry] = await db
    .select()
    .from(registryEntries)
    .where(and(eq(registryEntries.id, entryId), registryStaffScope(staff)));
  if (!entry) return undefined;
  const [attachments, annotations, items, distributions, replies, related] = await Promise.all([
    db
      .select()
      .from(registryAttachments)
      .where(eq(registryAttachments.entryId, entry.id))
      .orderBy(asc(registryAttachments.position)),
    db
      .select({
        id: registryAnnotations.id,
        at: registryAnnotations.at,
        body: registryAnnotations.body,
        author: users.name,
      })
      .from(registryAnnotations)
      .innerJoin(users, eq(users.id, registryAnnotations.authorId))
      .where(eq(registryAnnotations.entryId, entry.id))
      .orderBy(asc(registryAnnotations.at), asc(registryAnnotations.id)),
    db.select().from(workItems).where(eq(workItems.number, entry.registryNo)),
    db
      .select({
        id: registryDistributions.id,
        lead: registryDistributions.lead,
        distributedAt: registryDistributions.distributedAt,
        departmentCode: departments.code,
        itemId: workItems.id,
        itemNumber: workItems.number,
        status: workItems.status,
        resolutionDueAt: workItems.resolutionDueAt,
        escalationLevel: workItems.escalationLevel,
        assigneeName: users.name,
      })
      .from(registryDistributions)
      .innerJoin(departments, eq(departments.id, registryDistributions.departmentId))
      .innerJoin(workItems, eq(workItems.id, registryDistributions.workItemId))
      .leftJoin(users, eq(users.id, workItems.assigneeId))
      .where(eq(registryDistributions.entryId, entry.id))
      .orderBy(desc(registryDistributions.lead), asc(registryDistributions.distributedAt)),
    db
      .select({
        reply: registryReplies,
        outgoingNo: registryEntries.registryNo,
        outgoingAt: registryEntries.registeredAt,
      })
      .from(registryReplies)
      .leftJoin(registryEntries, eq(registryEntries.id, registryReplies.outgoingEntryId))
      .where(and(eq(registryReplies.entryId, entry.id), ne(registryReplies.status, "withdrawn"))),
    // Outgoing: the letter it answers; incoming: nothing more.
    entry.inReplyToId
      ? db
          .select({ id: registryEntries.id, registryNo: registryEntries.registryNo })
          .from(registryEntries)
          .where(eq(registryEntries.id, entry.inReplyToId))
      : Promise.resolve([]),
  ]);
  return {
    entry,
    attachments,
    annotations,
    item: items[0] ?? null,
    distributions,
    reply: replies[0] ?? null,
    inReplyTo: related[0] ?? null,
  };
}

/**
 * The reply of a distributed letter as the lead department sees it on its item: the letter and
 * the current draft. Undefined when the item is not a lead distribution the staff member sees.
 */
export async function replyContextForItem(db: DbOrTx, staff: Staff, itemId: string) {
  if (!isUuid(itemId)) return undefined;
  const [row] = await db
    .select({ entry: registryEntries, lead: registryDistributions.lead })
    .from(registryDistributions)
    .innerJoin(registryEntries, eq(registryEntries.id, registryDistributions.entryId))
    .innerJoin(workItems, eq(workItems.id, registryDistributions.workItemId))
    .where(
      and(
        eq(registryDistributions.workItemId, itemId),
        staff.role === "admin"
          ? undefined
          : sql`${workItems.departmentId} in (select department_id from staff_departments where user_id = ${staff.id})`,
      ),
    );
  if (!row) return undefined;
  const [current] = await db
    .select({ reply: registryReplies, outgoingNo: registryEntries.registryNo })
    .from(registryReplies)
    .leftJoin(registryEntries, eq(registryEntries.id, registryReplies.outgoingEntryId))
    .where(and(eq(registryReplies.entryId, row.entry.id), ne(registryReplies.status, "withdrawn")));
  const attachments = await db
    .select()
    .from(registryAttachments)
    .where(eq(registryAttachments.entryId, row.entry.id))
    .orderBy(asc(registryAttachments.position));
  return { entry: row.entry, lead: row.lead === "lead", reply: current ?? null, attachments };
}

/**
 * An incoming letter for its sender: by number and tracking code (anyone holding the
 * acknowledgement) or by the owner's account. A wrong code finds nothing, exactly like an
 * unknown number. With the registered reply, when there is one.
 */
export async function getLetterForSender(
  db: DbOrTx,
  params: { number: string; trackingCode?: string; userId?: string },
) {
  if (!params.trackingCode && !params.userId) return undefined;
  const [row] = await db
    .select({ entry: registryEntries, trackingCode: workItems.trackingCode })
    .from(registryEntries)
    .innerJoin(workItems, eq(workItems.number, registryEntries.registryNo))
    .where(
      and(
        eq(registryEntries.registryNo, params.number.trim().toUpperCase().slice(0, 40)),
        eq(registryEntries.direction, "incoming"),
        params.trackingCode
          ? eq(workItems.trackingCode, params.trackingCode.trim().toUpperCase().slice(0, 20))
          : eq(registryEntries.customerUserId, params.userId!),
      ),
    );
  if (!row) return undefined;
  const [attachments, outgoing] = await Promise.all([
    db
      .select()
      .from(registryAttachments)
      .where(eq(registryAttachments.entryId, row.entry.id))
      .orderBy(asc(registryAttachments.position)),
    db
      .select()
      .from(registryEntries)
      .where(
        and(
          eq(registryEntries.inReplyToId, row.entry.id),
          eq(registryEntries.direction, "outgoing"),
        ),
      )
      .orderBy(desc(registryEntries.registeredAt))
      .limit(1),
  ]);
  return {
    entry: row.entry,
    trackingCode: row.trackingCode,
    attachments,
    reply: (outgoing[0] as RegistryEntry | undefined) ?? null,
  };
}

/** Approved replies waiting to be registered (the registry office's to-do). */
export async function repliesToRegister(db: DbOrTx, staff: Staff) {
  return db
    .select({
      replyId: registryReplies.id,
      entryId: registryEntries.id,
      registryNo: registryEntries.registryNo,
      subject: registryReplies.subject,
      approvedAt: registryReplies.approvedAt,
    })
    .from(registryReplies)
    .innerJoin(registryEntries, eq(registryEntries.id, registryReplies.entryId))
    .where(and(eq(registryReplies.status, "approved"), registryStaffScope(staff)))
    .orderBy(asc(registryReplies.approvedAt));
}
