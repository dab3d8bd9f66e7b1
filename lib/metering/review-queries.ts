import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, meterRegisters, meters, readings, workItems } from "@/db/schema";
import { departmentsOf, type Staff } from "@/lib/workflow/access";
import type { Flag } from "./plausibility";
import { METERING_DEPARTMENT, READING_REVIEW_KIND } from "./review";
import { isUuid } from "@/lib/validation/ids";

/** How many accepted readings per register the review chart is drawn from. */
export const REVIEW_HISTORY_LIMIT = 24;

/** One accepted reading of a register, for the chart (oldest first). */
export type ReviewHistoryPoint = {
  readAt: Date;
  index: number;
  consumption: number | null;
  source: "agent" | "self" | "estimated";
};

/** One register's reading under review, with what the clerk needs to judge it. */
export type ReviewedRegister = {
  readingId: string;
  registerId: string;
  registerName: string;
  meterSerial: string;
  dials: number;
  index: number;
  readAt: Date;
  status: "accepted" | "review" | "outside_window" | "rejected";
  previousIndex: number | null;
  previousReadAt: Date | null;
  consumption: number | null;
  flags: Flag[];
  photoFileId: string | null;
  receiptNo: string | null;
  note: string | null;
  history: ReviewHistoryPoint[];
};

/** What the review panel shows for one reading_review item. */
export type ReadingReview = {
  itemId: string;
  /** False once the item is resolved or closed: the panel then shows the decision, no forms. */
  open: boolean;
  registers: ReviewedRegister[];
};

/**
 * The readings of a reading_review item for the back-office panel, or undefined when the item
 * is not a reading review or the caller may not see it (only staff of the item's department —
 * metering — and admins). Each register comes with its previous accepted reading and its last
 * accepted readings, oldest first, for the consumption chart.
 */
export async function getReadingReview(
  db: DbOrTx,
  staff: Staff,
  itemId: string,
): Promise<ReadingReview | undefined> {
  if (staff.role === "customer") return undefined;
  if (!isUuid(itemId)) return undefined;
  const [item] = await db
    .select({
      id: workItems.id,
      kindCode: workItems.kindCode,
      status: workItems.status,
      departmentId: workItems.departmentId,
      departmentCode: departments.code,
      subjectType: workItems.subjectType,
      subjectId: workItems.subjectId,
      mergedIntoId: workItems.mergedIntoId,
    })
    .from(workItems)
    .innerJoin(departments, eq(departments.id, workItems.departmentId))
    .where(eq(workItems.id, itemId));
  if (!item || item.kindCode !== READING_REVIEW_KIND) return undefined;
  const allowed = await departmentsOf(db, staff);
  // A review transferred out of metering is no longer a metering decision: its new
  // department handles it with the ordinary actions.
  if (item.departmentCode !== METERING_DEPARTMENT) return undefined;
  if (allowed !== null && !allowed.includes(item.departmentId)) return undefined;

  // A fresh builder per query: Drizzle's builders are mutable, so one is not reused.
  const base = () =>
    db
      .select({
        reading: readings,
        registerName: meterRegisters.name,
        meterSerial: meters.serial,
        dials: meters.dials,
      })
      .from(readings)
      .innerJoin(meterRegisters, eq(meterRegisters.id, readings.registerId))
      .innerJoin(meters, eq(meters.id, meterRegisters.meterId));
  let rows = await base().where(eq(readings.reviewItemId, item.id));
  // The back-link is written just after filing; until then the item's subject names the
  // reading, and its receipt names the other registers of the same submission.
  if (!rows.length && item.subjectType === "reading" && item.subjectId) {
    const [subject] = await db
      .select({ receiptNo: readings.receiptNo })
      .from(readings)
      .where(eq(readings.id, item.subjectId));
    rows = await base().where(
      subject?.receiptNo
        ? eq(readings.receiptNo, subject.receiptNo)
        : eq(readings.id, item.subjectId),
    );
  }

  const registerIds = rows.map((r) => r.reading.registerId);
  const history = registerIds.length
    ? await db
        .select({
          registerId: readings.registerId,
          id: readings.id,
          readAt: readings.readAt,
          index: readings.index,
          consumption: readings.consumption,
          source: readings.source,
        })
        .from(readings)
        .where(and(inArray(readings.registerId, registerIds), eq(readings.status, "accepted")))
        .orderBy(desc(readings.readAt))
    : [];

  const registers: ReviewedRegister[] = [];
  for (const { reading, registerName, meterSerial, dials } of rows) {
    const own = history.filter((h) => h.registerId === reading.registerId && h.id !== reading.id);
    const previous = own.find((h) => h.readAt < reading.readAt);
    const chart = own
      .filter((h) => h.readAt < reading.readAt)
      .slice(0, REVIEW_HISTORY_LIMIT)
      .reverse()
      .map(({ readAt, index, consumption, source }) => ({ readAt, index, consumption, source }));
    registers.push({
      readingId: reading.id,
      registerId: reading.registerId,
      registerName,
      meterSerial,
      dials,
      index: reading.index,
      readAt: reading.readAt,
      status: reading.status,
      previousIndex: previous?.index ?? null,
      previousReadAt: previous?.readAt ?? null,
      consumption: reading.consumption,
      flags: reading.flags as Flag[],
      photoFileId: reading.photoFileId,
      receiptNo: reading.receiptNo,
      note: reading.note,
      history: chart,
    });
  }
  registers.sort((a, b) => a.registerName.localeCompare(b.registerName));
  return {
    itemId: item.id,
    open: item.status !== "resolved" && item.status !== "closed" && !item.mergedIntoId,
    registers,
  };
}
