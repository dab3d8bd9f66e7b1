/**
 * Automatic escalation of items running out of time, run every minute by the worker.
 *
 * Three levels, each fired at most once per item (the primary key of item_escalations is the
 * guard, and every effect of a level commits in the same transaction as its row, so restarts,
 * retries and several workers at once can never send a second round of e-mails):
 *
 *   1 near breach   — fewer than 60 business minutes left: the assignee is e-mailed.
 *   2 breach        — the resolution deadline has passed: the department's supervisors are
 *                     e-mailed, the priority goes up one step, the customer sees that the
 *                     request was escalated.
 *   3 second breach — the item stayed open for a whole resolution budget more: it moves to the
 *                     supervisors' escalation view (escalation_level 3, see listQueue).
 *
 * Levels are cumulative and fire in order. A breach discovered late (the workers were down, or
 * the item was filed with less than an hour left) still records level 1 — so it can never fire
 * afterwards — but as "superseded": its timeline event is written, its "less than an hour
 * left" e-mail is not, since the breach e-mail going out in the same run says more.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { itemEscalations, staffDepartments, users, workItems, type WorkItem } from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { formatDateTime } from "@/lib/i18n/format";
import { enqueueEmail } from "@/lib/notify/outbox";
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from "./business-time";
import { loadWorkflowConfig, policyFor, type WorkflowConfig } from "./config";
import { staffItemLink } from "./links";
import { recordEvent } from "./record-event";
import type { Priority } from "./routing";
import type { ItemStatus } from "./sla";

export type EscalationLevel = 1 | 2 | 3;

/** "Near breach" means fewer than this many business minutes before the resolution deadline. */
export const NEAR_BREACH_MINUTES = 60;

/** Items examined per run; the rest wait for the next minute (the most overdue go first). */
const BATCH = 500;

export type EscalationSubject = {
  status: ItemStatus;
  mergedIntoId: string | null;
  /** Null while the clock is paused on the customer: nothing can be late then. */
  resolutionDueAt: Date | null;
};

export type EscalationClock = {
  calendar: BusinessCalendar;
  /** The resolution budget of the item's current policy: the length of the second breach window. */
  resolutionMinutes: number;
  /**
   * When level 2 fired, if it has. The second breach is counted from there rather than from the
   * stored deadline, because raising the priority (level 2 itself) gives the item a shorter
   * policy, and the next recomputation of its deadline moves resolutionDueAt earlier — counted
   * from that, level 3 would fire right after level 2.
   */
  breachFiredAt?: Date | null;
  nearBreachMinutes?: number;
};

/**
 * The escalation levels an item should have reached at `now`, in order (cumulative: [], [1],
 * [1, 2] or [1, 2, 3]). Pure; which of them already fired is the caller's business. Resolved,
 * closed, merged and paused items have none.
 */
export function escalationDue(
  item: EscalationSubject,
  now: Date,
  clock: EscalationClock,
): EscalationLevel[] {
  const due = item.resolutionDueAt;
  if (!due || item.mergedIntoId || item.status === "resolved" || item.status === "closed")
    return [];
  const nearBreachMinutes = clock.nearBreachMinutes ?? NEAR_BREACH_MINUTES;
  if (now < due) {
    // Counted in business minutes: on Friday evening an item due at 09:15 on Monday has 45
    // minutes left, not a whole weekend.
    return businessMinutesBetween(clock.calendar, now, due) < nearBreachMinutes ? [1] : [];
  }
  const secondBreachAt = addBusinessMinutes(
    clock.calendar,
    clock.breachFiredAt ?? due,
    clock.resolutionMinutes,
  );
  return now >= secondBreachAt ? [1, 2, 3] : [1, 2];
}

const PRIORITIES: Priority[] = ["low", "normal", "high", "urgent"];

/** One step up (low → normal → high → urgent); urgent stays urgent. */
export function raisedPriority(priority: Priority): Priority {
  return PRIORITIES[Math.min(PRIORITIES.indexOf(priority) + 1, PRIORITIES.length - 1)]!;
}

export type FiredEscalation = {
  itemId: string;
  number: string;
  level: EscalationLevel;
  /** Level 1 recorded in the same run as a breach: no near-breach e-mail was sent. */
  superseded: boolean;
};

export type EscalationRun = { examined: number; fired: FiredEscalation[] };

const SYSTEM: Actor = { kind: "system", label: "escalation" };

/**
 * Fire every escalation level that is due at `now`. Candidates are read without locks, then
 * each item is handled in its own short transaction that locks it with FOR UPDATE SKIP LOCKED:
 * several workers running at once share the items instead of queueing on them, and an item a
 * clerk is changing right now is simply looked at again next minute.
 */
export async function runEscalations(db: Db, now = new Date()): Promise<EscalationRun> {
  const config = await loadWorkflowConfig(db);
  const ids = await candidateIds(db, config, now);
  const fired: FiredEscalation[] = [];
  for (const id of ids) {
    fired.push(...(await db.transaction((tx) => escalateItem(tx, id, config, now))));
  }
  return { examined: ids.length, fired };
}

/**
 * Open items that may have a level due. A coarse but safe filter, so that the per-item check
 * (business-time arithmetic, a lock) runs on few rows: an item cannot be near breach before
 * the instant 60 business minutes from now, and cannot reach level 3 before its breach plus the
 * shortest resolution budget of any policy in wall-clock minutes (a business minute is never
 * shorter than a wall-clock one).
 */
async function candidateIds(db: Db, config: WorkflowConfig, now: Date): Promise<string[]> {
  const horizon = addBusinessMinutes(config.calendar, now, NEAR_BREACH_MINUTES);
  const shortestBudget = Math.min(
    ...config.policies.map((p) => p.policy.resolutionMinutes),
    ...PRIORITIES.map((p) => policyFor(config, "", p).resolutionMinutes),
  );
  const secondBreachBound = new Date(now.getTime() - shortestBudget * 60_000);
  const { rows } = await db.execute(sql`
    select w.id from work_items w
    left join item_escalations e2 on e2.item_id = w.id and e2.level = 2
    where w.status not in ('resolved', 'closed') and w.merged_into_id is null
      and w.resolution_due_at is not null and w.resolution_due_at <= ${horizon}
      and w.escalation_level < 3
      and (w.escalation_level < 2
           or coalesce(e2.fired_at, w.resolution_due_at) <= ${secondBreachBound})
    order by w.resolution_due_at asc, w.id
    limit ${BATCH}`);
  return (rows as { id: string }[]).map((r) => r.id);
}

async function escalateItem(
  tx: Tx,
  itemId: string,
  config: WorkflowConfig,
  now: Date,
): Promise<FiredEscalation[]> {
  const [locked] = await tx
    .select()
    .from(workItems)
    .where(eq(workItems.id, itemId))
    .for("update", { skipLocked: true });
  // Locked by another worker or a clerk's action: whoever holds it decides; next minute we look again.
  if (!locked) return [];
  let item: WorkItem = locked;
  const previous = await tx
    .select({ level: itemEscalations.level, firedAt: itemEscalations.firedAt })
    .from(itemEscalations)
    .where(eq(itemEscalations.itemId, item.id));
  const already = new Set(previous.map((p) => p.level));
  const due = escalationDue(item, now, {
    calendar: config.calendar,
    resolutionMinutes: policyFor(config, item.kindCode, item.priority).resolutionMinutes,
    breachFiredAt: previous.find((p) => p.level === 2)?.firedAt ?? null,
  });
  const pending = due.filter((level) => !already.has(level));
  const fired: FiredEscalation[] = [];
  for (const level of pending) {
    // The guard: a row another run committed first makes this a no-op, effects included.
    const inserted = await tx
      .insert(itemEscalations)
      .values({ itemId: item.id, level, firedAt: now })
      .onConflictDoNothing()
      .returning({ level: itemEscalations.level });
    if (!inserted.length) continue;
    const superseded = level === 1 && pending.includes(2);
    item = await applyLevel(tx, item, level, superseded, config, now);
    fired.push({ itemId: item.id, number: item.number, level, superseded });
  }
  return fired;
}

/** The effects of one level, in the transaction of its item_escalations row; returns the item as updated. */
async function applyLevel(
  tx: Tx,
  item: WorkItem,
  level: EscalationLevel,
  superseded: boolean,
  config: WorkflowConfig,
  now: Date,
): Promise<WorkItem> {
  const due = item.resolutionDueAt;
  const timeZone = config.calendar.timeZone;
  const set: Partial<typeof workItems.$inferInsert> = {
    escalationLevel: Math.max(item.escalationLevel, level),
    updatedAt: now,
  };

  if (level === 1) {
    if (!superseded && item.assigneeId && due) {
      const [assignee] = await tx
        .select({ email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .where(and(eq(users.id, item.assigneeId), isNull(users.disabledAt)));
      if (assignee) {
        await enqueueEmail(tx, {
          to: assignee.email,
          locale: assignee.locale,
          template: "staffNearBreach",
          params: {
            name: assignee.name,
            number: item.number,
            due: formatDateTime(due, assignee.locale, timeZone),
            link: staffItemLink(assignee.locale, item.id),
          },
        });
      }
    }
    await recordEvent(tx, {
      itemId: item.id,
      type: "escalated",
      visibility: "internal",
      actor: SYSTEM,
      at: now,
      data: {
        level,
        dueAt: due?.toISOString() ?? null,
        notified: superseded ? [] : item.assigneeId ? [item.assigneeId] : [],
        ...(superseded ? { superseded: true } : {}),
      },
    });
  }

  if (level === 2) {
    const supervisors = await tx
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .innerJoin(staffDepartments, eq(staffDepartments.userId, users.id))
      .where(
        and(
          eq(staffDepartments.departmentId, item.departmentId),
          eq(users.role, "supervisor"),
          isNull(users.disabledAt),
        ),
      );
    for (const s of supervisors) {
      await enqueueEmail(tx, {
        to: s.email,
        locale: s.locale,
        template: "staffBreach",
        params: {
          name: s.name,
          number: item.number,
          due: due ? formatDateTime(due, s.locale, timeZone) : "",
          link: staffItemLink(s.locale, item.id),
        },
      });
    }
    const priority = raisedPriority(item.priority);
    if (priority !== item.priority) {
      set.priority = priority;
      await recordEvent(tx, {
        itemId: item.id,
        type: "priority_changed",
        visibility: "internal",
        actor: SYSTEM,
        at: now,
        data: { from: item.priority, to: priority, reason: "escalation" },
      });
    }
    await recordEvent(tx, {
      itemId: item.id,
      type: "escalated",
      visibility: "internal",
      actor: SYSTEM,
      at: now,
      data: {
        level,
        dueAt: due?.toISOString() ?? null,
        notified: supervisors.map((s) => s.id),
        priority: { from: item.priority, to: priority },
      },
    });
    // Deadlines are not recomputed here: the date the customer was given stays on screen
    // until the next action by staff recomputes it under the new priority's policy.
    await recordEvent(tx, {
      itemId: item.id,
      type: "escalated",
      visibility: "customer",
      actor: SYSTEM,
      at: now,
      messageKey: "escalated",
      data: { level },
    });
    set.lastCustomerVisibleAt = now;
  }

  if (level === 3) {
    await recordEvent(tx, {
      itemId: item.id,
      type: "escalated",
      visibility: "internal",
      actor: SYSTEM,
      at: now,
      data: { level, dueAt: due?.toISOString() ?? null, view: "escalations" },
    });
  }

  const [updated] = await tx
    .update(workItems)
    .set(set)
    .where(eq(workItems.id, item.id))
    .returning();
  await writeAudit(tx, {
    actor: SYSTEM,
    action: "item.escalate",
    entityType: "work_item",
    entityId: item.id,
    before: { escalationLevel: item.escalationLevel, priority: item.priority },
    after: { escalationLevel: updated!.escalationLevel, priority: updated!.priority, superseded },
  });
  return updated!;
}
