import { and, asc, desc, eq, gte, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  departments,
  itemRatings,
  requestKinds,
  users,
  workItemEvents,
  workItems,
  type WorkItem,
} from "@/db/schema";
import type { Staff } from "./access";
import { isUuid } from "@/lib/validation/ids";

export type QueueFilters = {
  status?: WorkItem["status"];
  priority?: WorkItem["priority"];
  kind?: string;
  channel?: WorkItem["channel"];
  due?: "overdue" | "today";
  mine?: boolean;
  escalated?: boolean;
  departmentId?: string;
};

const OPEN = sql`${workItems.status} not in ('resolved', 'closed') and ${workItems.mergedIntoId} is null`;

function departmentScope(staff: Staff): SQL | undefined {
  return staff.role === "admin"
    ? undefined
    : sql`${workItems.departmentId} in (select department_id from staff_departments where user_id = ${staff.id})`;
}

/**
 * A queue: the open items of the staff member's departments, filtered, most urgent first
 * (earliest resolution deadline; paused items last). Keyset-free but capped.
 */
export async function listQueue(
  db: DbOrTx,
  staff: Staff,
  filters: QueueFilters,
  now = new Date(),
  limit = 200,
) {
  const conditions: (SQL | undefined)[] = [
    departmentScope(staff),
    filters.status ? eq(workItems.status, filters.status) : OPEN,
    filters.priority ? eq(workItems.priority, filters.priority) : undefined,
    filters.kind ? eq(workItems.kindCode, filters.kind) : undefined,
    filters.channel ? eq(workItems.channel, filters.channel) : undefined,
    filters.departmentId ? eq(workItems.departmentId, filters.departmentId) : undefined,
    filters.mine ? eq(workItems.assigneeId, staff.id) : undefined,
    // Level 3 (second breach) is what moves an item to the supervisors' escalation view; level 2
    // only e-mails them (lib/workflow/escalation.ts).
    filters.escalated ? gte(workItems.escalationLevel, 3) : undefined,
    filters.due === "overdue" ? lt(workItems.resolutionDueAt, now) : undefined,
    filters.due === "today"
      ? lt(workItems.resolutionDueAt, new Date(now.getTime() + 24 * 3600_000))
      : undefined,
  ];
  return db
    .select({
      id: workItems.id,
      number: workItems.number,
      title: workItems.title,
      kindCode: workItems.kindCode,
      channel: workItems.channel,
      status: workItems.status,
      priority: workItems.priority,
      resolutionDueAt: workItems.resolutionDueAt,
      createdAt: workItems.createdAt,
      escalationLevel: workItems.escalationLevel,
      assigneeId: workItems.assigneeId,
      assigneeName: users.name,
      leaseExpiresAt: workItems.leaseExpiresAt,
      departmentCode: departments.code,
      incidentId: workItems.incidentId,
    })
    .from(workItems)
    .innerJoin(departments, eq(departments.id, workItems.departmentId))
    .leftJoin(users, eq(users.id, workItems.assigneeId))
    .where(and(...conditions))
    .orderBy(sql`${workItems.resolutionDueAt} asc nulls last`, asc(workItems.createdAt))
    .limit(limit);
}

/** Queue counts per department for the staff member: open, unclaimed, overdue. */
export async function queueCounts(db: DbOrTx, staff: Staff, now = new Date()) {
  return db
    .select({
      departmentId: departments.id,
      code: departments.code,
      open: sql<number>`count(*)::int`,
      unclaimed: sql<number>`count(*) filter (where ${workItems.assigneeId} is null and ${workItems.status} in ('new','in_progress'))::int`,
      overdue: sql<number>`count(*) filter (where ${workItems.resolutionDueAt} < ${now})::int`,
    })
    .from(workItems)
    .innerJoin(departments, eq(departments.id, workItems.departmentId))
    .where(and(departmentScope(staff), OPEN))
    .groupBy(departments.id, departments.code);
}

/** An item for staff, scoped to their departments; with its timeline (internal events too). */
export async function getStaffItem(db: DbOrTx, staff: Staff, itemId: string) {
  if (!isUuid(itemId)) return undefined;
  const [item] = await db
    .select()
    .from(workItems)
    .where(and(eq(workItems.id, itemId), departmentScope(staff)));
  if (!item) return undefined;
  const [events, rating, duplicates] = await Promise.all([
    db
      .select({ event: workItemEvents, actorName: users.name })
      .from(workItemEvents)
      .leftJoin(users, eq(users.id, workItemEvents.actorUserId))
      .where(eq(workItemEvents.itemId, item.id))
      .orderBy(asc(workItemEvents.at), asc(workItemEvents.id)),
    db.select().from(itemRatings).where(eq(itemRatings.itemId, item.id)),
    possibleDuplicates(db, item),
  ]);
  return { item, events, rating: rating[0] ?? null, duplicates };
}

/**
 * Items from the same contract and of the same kind within two days of this one, still
 * open: likely the same problem reported twice.
 */
export async function possibleDuplicates(db: DbOrTx, item: WorkItem) {
  if (!item.contractId) return [];
  const window = 2 * 24 * 3600_000;
  return db
    .select({
      id: workItems.id,
      number: workItems.number,
      title: workItems.title,
      createdAt: workItems.createdAt,
      status: workItems.status,
    })
    .from(workItems)
    .where(
      and(
        eq(workItems.contractId, item.contractId),
        eq(workItems.kindCode, item.kindCode),
        ne(workItems.id, item.id),
        sql`${workItems.mergedIntoId} is null`,
        sql`${workItems.status} not in ('closed')`,
        gte(workItems.createdAt, new Date(item.createdAt.getTime() - window)),
        lt(workItems.createdAt, new Date(item.createdAt.getTime() + window)),
      ),
    )
    .orderBy(asc(workItems.createdAt));
}

/** The customer's requests: filed by them or for them, newest first. */
export async function listCustomerItems(db: DbOrTx, params: { userId: string; limit?: number }) {
  return db
    .select({
      number: workItems.number,
      title: workItems.title,
      kindCode: workItems.kindCode,
      status: workItems.status,
      outcome: workItems.outcome,
      createdAt: workItems.createdAt,
      resolutionDueAt: workItems.resolutionDueAt,
      kindNameAr: requestKinds.nameAr,
      kindNameFr: requestKinds.nameFr,
      kindNameEn: requestKinds.nameEn,
    })
    .from(workItems)
    .innerJoin(requestKinds, eq(requestKinds.code, workItems.kindCode))
    .where(and(eq(workItems.customerUserId, params.userId), sql`${workItems.mergedIntoId} is null`))
    .orderBy(desc(workItems.createdAt))
    .limit(params.limit ?? 100);
}

export type CustomerTimelineEvent = {
  at: Date;
  type: string;
  body: string | null;
  messageKey: string | null;
  data: unknown;
  byCustomer: boolean;
};

/**
 * One item as its customer sees it — by the owner's account, or by number and tracking code
 * for a guest — with the customer-visible events only (internal notes never leave).
 */
export async function getCustomerItem(
  db: DbOrTx,
  params: { number: string; userId?: string; trackingCode?: string; followed?: boolean },
): Promise<CustomerItem | undefined> {
  if (!params.userId && !params.trackingCode) return undefined;
  const number = params.number.slice(0, 40);
  const [row] = await db
    .select({
      item: workItems,
      kindNameAr: requestKinds.nameAr,
      kindNameFr: requestKinds.nameFr,
      kindNameEn: requestKinds.nameEn,
    })
    .from(workItems)
    .innerJoin(requestKinds, eq(requestKinds.code, workItems.kindCode))
    .where(
      and(
        eq(workItems.number, number),
        or(
          params.userId ? eq(workItems.customerUserId, params.userId) : undefined,
          params.trackingCode
            ? eq(workItems.trackingCode, params.trackingCode.toUpperCase().slice(0, 20))
            : undefined,
        ),
      ),
    );
  if (!row) return undefined;
  // A merged-away number keeps leading to the item that absorbed it, for the same customer.
  if (
    row.item.mergedIntoId &&
    row.item.customerUserId &&
    params.userId === row.item.customerUserId &&
    !params.followed
  ) {
    const [survivor] = await db
      .select({ number: workItems.number, customerUserId: workItems.customerUserId })
      .from(workItems)
      .where(eq(workItems.id, row.item.mergedIntoId));
    if (survivor && survivor.customerUserId === row.item.customerUserId) {
      const followed = await getCustomerItem(db, {
        number: survivor.number,
        userId: params.userId,
        followed: true,
      });
      if (followed) return { ...followed, mergedFrom: row.item.number };
    }
  }
  const [events, rating, merged] = await Promise.all([
    db
      .select({
        at: workItemEvents.at,
        type: workItemEvents.type,
        body: workItemEvents.body,
        messageKey: workItemEvents.messageKey,
        data: workItemEvents.data,
        actorUserId: workItemEvents.actorUserId,
      })
      .from(workItemEvents)
      .where(and(eq(workItemEvents.itemId, row.item.id), eq(workItemEvents.visibility, "customer")))
      .orderBy(asc(workItemEvents.at), asc(workItemEvents.id)),
    db.select().from(itemRatings).where(eq(itemRatings.itemId, row.item.id)),
    row.item.mergedIntoId
      ? db
          .select({ number: workItems.number })
          .from(workItems)
          .where(eq(workItems.id, row.item.mergedIntoId))
      : Promise.resolve([]),
  ]);
  const ownerId = row.item.customerUserId;
  return {
    ...row,
    events: events.map((e): CustomerTimelineEvent => ({
      at: e.at,
      type: e.type,
      body: e.body,
      messageKey: e.messageKey,
      data: e.data,
      byCustomer: !!ownerId && e.actorUserId === ownerId,
    })),
    rating: rating[0] ?? null,
    mergedInto: merged[0]?.number ?? null,
    mergedFrom: null,
  };
}

export type CustomerItem = {
  item: WorkItem;
  kindNameAr: string;
  kindNameFr: string;
  kindNameEn: string;
  events: CustomerTimelineEvent[];
  rating: typeof itemRatings.$inferSelect | null;
  mergedInto: string | null;
  /** Set when the number asked for was merged into this item. */
  mergedFrom: string | null;
};
