import { and, desc, eq, inArray, lt, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  departments,
  meterRegisters,
  meters,
  readings,
  workItems,
  type Reading,
  type WorkItem,
} from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { assertOpen, lockItemForStaff, type Staff } from "@/lib/workflow/access";
import { loadWorkflowConfig } from "@/lib/workflow/config";
import { notifyCustomer } from "@/lib/workflow/notify-customer";
import { ratingLink } from "@/lib/workflow/rating-link";
import { recordEvent } from "@/lib/workflow/record-event";
import { refreshSla } from "@/lib/workflow/refresh-sla";
import { parseIndex } from "./parse-index";
import { consumptionBetween } from "./plausibility";

/** The work item kind a held reading is filed as (lib/metering/submit-reading.ts). */
export const READING_REVIEW_KIND = "reading_review";

/** The department whose clerks decide reading reviews. */
export const METERING_DEPARTMENT = "metering";

/** Longest reason a clerk may give; the same bound as other item texts shown to customers. */
export const REVIEW_REASON_MAX = 1000;

/** Options shared by the three decisions: the clock (tests) and the request for the audit row. */
export type ReviewOptions = { now?: Date; meta?: RequestMeta };

type Decision = "accept" | "correct" | "reject";

type ReviewCtx = {
  tx: Tx;
  item: WorkItem;
  rows: Reading[];
  now: Date;
  actor: { kind: "user"; userId: string; role: Staff["role"] };
};

/** The reading rows of a review item: linked back by review_item_id, or the item's subject. */
async function readingsOfItem(tx: Tx, item: WorkItem): Promise<Reading[]> {
  // The back-link is written just after the filing transaction commits, so a reading filed a
  // moment ago may only be reachable through the item's subject; its siblings of the same
  // submission share the subject's receipt number.
  const direct = await tx
    .select()
    .from(readings)
    .where(eq(readings.reviewItemId, item.id))
    .for("update");
  if (direct.length) return direct;
  if (item.subjectType !== "reading" || !item.subjectId) return [];
  const [subject] = await tx.select().from(readings).where(eq(readings.id, item.subjectId));
  if (!subject) return [];
  return tx
    .select()
    .from(readings)
    .where(
      subject.receiptNo ? eq(readings.receiptNo, subject.receiptNo) : eq(readings.id, subject.id),
    )
    .for("update");
}

/**
 * The frame of the three decisions, in one transaction: lock the item (metering staff,
 * supervisors and admins see it; anyone else gets NOT_FOUND), check it is an open reading
 * review, lock its readings (still in review), apply the decision, then resolve the item
 * exactly as resolveItem does — which cannot be called here, because it opens a transaction of
 * its own and the reading change must commit or roll back with the resolution.
 *
 * A clerk need not have claimed the item first: reviewing a reading is one decision, not a
 * case worked over days, and the row lock already keeps two clerks from deciding at once.
 */
async function decide(
  db: Db,
  staff: Staff,
  itemId: string,
  decision: Decision,
  outcome: "resolved" | "rejected",
  note: string | null,
  apply: (ctx: ReviewCtx) => Promise<void>,
  opts: ReviewOptions,
): Promise<WorkItem> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const item = await lockItemForStaff(tx, staff, itemId);
    // A reading review is not one of this department's other items: the other kinds have their
    // own actions, so they are unknown here rather than forbidden.
    if (item.kindCode !== READING_REVIEW_KIND) throw new AppError("NOT_FOUND");
    // The decision belongs to metering: a review transferred elsewhere is handled there with
    // the ordinary item actions, as getReadingReview shows no panel for it.
    const [department] = await tx
      .select({ code: departments.code })
      .from(departments)
      .where(eq(departments.id, item.departmentId));
    if (department?.code !== METERING_DEPARTMENT) throw new AppError("NOT_FOUND");
    assertOpen(item);
    if (item.status === "resolved") throw new AppError("INVALID_TRANSITION");
    const rows = await readingsOfItem(tx, item);
    if (!rows.length) throw new AppError("NOT_FOUND", "no reading under review");
    // A reading already decided (another path, or data fixed by hand) is not decided twice.
    if (rows.some((r) => r.status !== "review")) throw new AppError("INVALID_TRANSITION");

    const actor = { kind: "user" as const, userId: staff.id, role: staff.role };
    await apply({ tx, item, rows, now, actor });

    // What resolveItem writes, field for field.
    await recordEvent(tx, {
      itemId: item.id,
      type: "resolved",
      visibility: "customer",
      actor,
      at: now,
      body: note,
      messageKey: "resolved",
      data: { outcome, redirect: null, decision },
      fromStatus: item.status,
      toStatus: "resolved",
    });
    await notifyCustomer(tx, item, "itemResolved", (locale) => ({
      outcome: translator(locale)(`items.outcome.${outcome}`),
      note: note ?? "",
      link: ratingLink(locale, item.id),
    }));
    const [updated] = await tx
      .update(workItems)
      .set({
        status: "resolved",
        outcome,
        outcomeNote: note,
        resolvedAt: now,
        firstResponseAt: item.firstResponseAt ?? now,
        lastCustomerVisibleAt: now,
        assigneeId: null,
        leaseExpiresAt: null,
        updatedAt: now,
      })
      .where(eq(workItems.id, item.id))
      .returning();
    const config = await loadWorkflowConfig(tx);
    await refreshSla(tx, updated!, config, now);
    await writeAudit(tx, {
      actor,
      action: "item.resolve",
      entityType: "work_item",
      entityId: item.id,
      before: {
        status: item.status,
        departmentId: item.departmentId,
        priority: item.priority,
        assigneeId: item.assigneeId,
      },
      after: {
        status: updated!.status,
        departmentId: updated!.departmentId,
        priority: updated!.priority,
        assigneeId: null,
        outcome,
        decision,
      },
      meta: opts.meta,
    });
    const [fresh] = await tx.select().from(workItems).where(eq(workItems.id, item.id));
    return fresh!;
  });
}

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new AppError("VALIDATION_FAILED", "reason required", { reason: "required" });
  if (trimmed.length > REVIEW_REASON_MAX)
    throw new AppError("VALIDATION_FAILED", "reason too long", { reason: "tooLong" });
  return trimmed;
}

async function auditReading(
  ctx: ReviewCtx,
  row: Reading,
  action: string,
  after: Partial<Reading>,
  meta: RequestMeta | undefined,
): Promise<void> {
  await writeAudit(ctx.tx, {
    actor: ctx.actor,
    action,
    entityType: "reading",
    entityId: row.id,
    before: {
      index: row.index,
      consumption: row.consumption,
      status: row.status,
      usedForBilling: row.usedForBilling,
    },
    after: {
      index: after.index ?? row.index,
      consumption: after.consumption === undefined ? row.consumption : after.consumption,
      status: after.status ?? row.status,
      usedForBilling: after.usedForBilling ?? row.usedForBilling,
      ...(after.note ? { reason: after.note } : {}),
    },
    meta,
  });
}

/**
 * Accept a held reading as the customer gave it: its readings become `accepted` with the
 * consumption the rules computed, and the item is resolved (outcome "resolved").
 */
export async function acceptReading(
  db: Db,
  staff: Staff,
  itemId: string,
  opts: ReviewOptions = {},
): Promise<WorkItem> {
  return decide(
    db,
    staff,
    itemId,
    "accept",
    "resolved",
    null,
    async (ctx) => {
      for (const row of ctx.rows) {
        await ctx.tx.update(readings).set({ status: "accepted" }).where(eq(readings.id, row.id));
        await auditReading(ctx, row, "reading.accept", { status: "accepted" }, opts.meta);
      }
    },
    opts,
  );
}

/**
 * Correct one register's index (the photo shows another figure) and accept the reading: the
 * new index is parsed like the customer's (whole number, at most the meter's dials, Arabic
 * digits allowed), the consumption recomputed against the register's previous accepted
 * reading, the old and new index audited and noted internally with the reason, which also
 * reaches the customer as the resolution note.
 */
export async function correctReading(
  db: Db,
  staff: Staff,
  itemId: string,
  input: { registerId: string; index: string; reason: string },
  opts: ReviewOptions = {},
): Promise<WorkItem> {
  const reason = requireReason(input.reason);
  return decide(
    db,
    staff,
    itemId,
    "correct",
    "resolved",
    reason,
    async (ctx) => {
      const target = ctx.rows.find((r) => r.registerId === input.registerId);
      if (!target)
        throw new AppError("VALIDATION_FAILED", "register not in review", {
          registerId: "invalid",
        });
      const [meter] = await ctx.tx
        .select({ dials: meters.dials })
        .from(meterRegisters)
        .innerJoin(meters, eq(meters.id, meterRegisters.meterId))
        .where(eq(meterRegisters.id, target.registerId));
      const parsed = parseIndex(input.index, meter!.dials);
      if (!parsed.ok)
        throw new AppError("VALIDATION_FAILED", "invalid index", { index: parsed.error });
      const [previous] = await ctx.tx
        .select({ index: readings.index })
        .from(readings)
        .where(
          and(
            eq(readings.registerId, target.registerId),
            eq(readings.status, "accepted"),
            lt(readings.readAt, target.readAt),
            ne(readings.id, target.id),
          ),
        )
        .orderBy(desc(readings.readAt))
        .limit(1);
      let consumption: number | null = null;
      if (previous) {
        const between = consumptionBetween(previous.index, parsed.value, meter!.dials);
        // A corrected figure must still follow the previous one: a clerk cannot bill a drop
        // the rules would refuse from a customer.
        if (!between)
          throw new AppError("VALIDATION_FAILED", "lower than previous", {
            index: "lowerThanPrevious",
          });
        consumption = between.consumption;
      }
      await ctx.tx
        .update(readings)
        .set({ index: parsed.value, consumption, status: "accepted", note: reason })
        .where(eq(readings.id, target.id));
      await auditReading(
        ctx,
        target,
        "reading.correct",
        { index: parsed.value, consumption, status: "accepted", note: reason },
        opts.meta,
      );
      await recordEvent(ctx.tx, {
        itemId: ctx.item.id,
        type: "note",
        visibility: "internal",
        actor: ctx.actor,
        at: ctx.now,
        body: reason,
        data: {
          readingId: target.id,
          registerId: target.registerId,
          fromIndex: target.index,
          toIndex: parsed.value,
          fromConsumption: target.consumption,
          toConsumption: consumption,
        },
      });
      // The other registers of the same submission were read on the same day: accepted as is.
      const others = ctx.rows.filter((r) => r.id !== target.id);
      if (others.length) {
        await ctx.tx
          .update(readings)
          .set({ status: "accepted" })
          .where(
            inArray(
              readings.id,
              others.map((r) => r.id),
            ),
          );
        for (const row of others)
          await auditReading(ctx, row, "reading.accept", { status: "accepted" }, opts.meta);
      }
    },
    opts,
  );
}

/**
 * Reject a held reading: it stays on record (the customer sees it and why) but is never used
 * for billing; the reason is the resolution note the customer reads and is e-mailed.
 */
export async function rejectReading(
  db: Db,
  staff: Staff,
  itemId: string,
  input: { reason: string },
  opts: ReviewOptions = {},
): Promise<WorkItem> {
  const reason = requireReason(input.reason);
  return decide(
    db,
    staff,
    itemId,
    "reject",
    "rejected",
    reason,
    async (ctx) => {
      await ctx.tx
        .update(readings)
        .set({ status: "rejected", usedForBilling: false, note: reason })
        .where(
          inArray(
            readings.id,
            ctx.rows.map((r) => r.id),
          ),
        );
      for (const row of ctx.rows)
        await auditReading(
          ctx,
          row,
          "reading.reject",
          { status: "rejected", usedForBilling: false, note: reason },
          opts.meta,
        );
    },
    opts,
  );
}
