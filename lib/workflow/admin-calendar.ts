/**
 * The utility's business calendar as administrators edit it: time zone, working days and
 * hours, public holidays per year and per-date hours. Every change writes its audit row in
 * the same transaction; deadlines of open items follow on their next computation (lib/workflow
 * /sla.ts derives them from the calendar every time).
 */
import { and, asc, between, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { businessCalendars, calendarHolidays, calendarOverrides, utilities } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { getUtility } from "@/lib/utility/get-utility";
import { auditActorOf, lockConfiguration, refusal, type AdminUser } from "./admin-actor";
import type { CalendarSettingsInput, HolidayInput, OverrideInput } from "./admin-schemas";
import { workdayMinutes } from "./business-duration";
import { addBusinessMinutes } from "./business-time";
import { loadWorkflowConfig } from "./config";

export type CalendarSettings = {
  id: string | null;
  timeZone: string;
  workingDays: number[];
  opensAt: string;
  closesAt: string;
};

// The week loadWorkflowConfig falls back to until an administrator saves the calendar.
const FALLBACK = { workingDays: [1, 2, 3, 4, 5], opensAt: "08:30", closesAt: "16:30" };

/** The utility's calendar settings, or the fallback week in the utility's zone (id null). */
export async function getCalendarSettings(db: DbOrTx): Promise<CalendarSettings> {
  const utility = await getUtility(db);
  const [cal] = await db
    .select()
    .from(businessCalendars)
    .where(eq(businessCalendars.utilityId, utility.id));
  if (!cal) return { id: null, timeZone: utility.timeZone, ...FALLBACK };
  return {
    id: cal.id,
    timeZone: cal.timeZone,
    workingDays: [...cal.workingDays].sort((a, b) => a - b),
    opensAt: cal.opensAt,
    closesAt: cal.closesAt,
  };
}

/** The zone admins' wall-clock entries (rule validity windows) are read in. */
export async function workflowTimeZone(db: DbOrTx): Promise<string> {
  return (await getCalendarSettings(db)).timeZone;
}

function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}

/** Public holidays of one year, in date order. */
export async function listHolidays(db: DbOrTx, params: { year: number }) {
  const { id } = await getCalendarSettings(db);
  if (!id) return [];
  return db
    .select({ day: calendarHolidays.day, name: calendarHolidays.name })
    .from(calendarHolidays)
    .where(
      and(
        eq(calendarHolidays.calendarId, id),
        between(calendarHolidays.day, ...yearRange(params.year)),
      ),
    )
    .orderBy(asc(calendarHolidays.day));
}

/** Per-date hours of one year, in date order. */
export async function listOverrides(db: DbOrTx, params: { year: number }) {
  const { id } = await getCalendarSettings(db);
  if (!id) return [];
  return db
    .select({
      day: calendarOverrides.day,
      opensAt: calendarOverrides.opensAt,
      closesAt: calendarOverrides.closesAt,
      note: calendarOverrides.note,
    })
    .from(calendarOverrides)
    .where(
      and(
        eq(calendarOverrides.calendarId, id),
        between(calendarOverrides.day, ...yearRange(params.year)),
      ),
    )
    .orderBy(asc(calendarOverrides.day));
}

/** The calendar row, created with the fallback week when the utility has none yet. */
async function ensureCalendar(tx: DbOrTx): Promise<{ id: string; created: boolean }> {
  const current = await getCalendarSettings(tx);
  if (current.id) return { id: current.id, created: false };
  const utility = await getUtility(tx);
  const [row] = await tx
    .insert(businessCalendars)
    .values({ utilityId: utility.id, timeZone: utility.timeZone, ...FALLBACK })
    .returning({ id: businessCalendars.id });
  return { id: row!.id, created: true };
}

/**
 * Save the time zone, working days and regular hours. The utility's own time zone (used to
 * show every date in the back office and the portal) follows the calendar's.
 */
export async function saveCalendarSettings(
  db: Db,
  admin: AdminUser,
  input: CalendarSettingsInput,
  meta?: RequestMeta,
): Promise<CalendarSettings> {
  const actor = auditActorOf(admin);
  return db.transaction(async (tx) => {
    await lockConfiguration(tx, "calendar");
    const before = await getCalendarSettings(tx);
    const { id } = await ensureCalendar(tx);
    await tx
      .update(businessCalendars)
      .set({
        timeZone: input.timeZone,
        workingDays: input.workingDays,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
      })
      .where(eq(businessCalendars.id, id));
    const utility = await getUtility(tx);
    if (utility.timeZone !== input.timeZone) {
      await tx
        .update(utilities)
        .set({ timeZone: input.timeZone })
        .where(eq(utilities.id, utility.id));
    }
    const after = await getCalendarSettings(tx);
    await writeAudit(tx, {
      actor,
      action: "calendar.update",
      entityType: "business_calendar",
      entityId: id,
      before: before.id ? before : null,
      after,
      meta,
    });
    return after;
  });
}

/** Add a public holiday (a date already listed is refused: remove it first). */
export async function addHoliday(
  db: Db,
  admin: AdminUser,
  input: HolidayInput,
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    await lockConfiguration(tx, "calendar");
    const { id } = await ensureCalendar(tx);
    const inserted = await tx
      .insert(calendarHolidays)
      .values({ calendarId: id, day: input.day, name: input.name })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw refusal("CONFLICT", "holidayExists");
    await writeAudit(tx, {
      actor,
      action: "calendar.holiday.add",
      entityType: "calendar_holiday",
      entityId: input.day,
      after: inserted[0],
      meta,
    });
  });
}

export async function removeHoliday(
  db: Db,
  admin: AdminUser,
  input: { day: string },
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    await lockConfiguration(tx, "calendar");
    const { id } = await getCalendarSettings(tx);
    const removed = id
      ? await tx
          .delete(calendarHolidays)
          .where(and(eq(calendarHolidays.calendarId, id), eq(calendarHolidays.day, input.day)))
          .returning()
      : [];
    if (!removed.length) throw refusal("NOT_FOUND", "dayNotListed");
    await writeAudit(tx, {
      actor,
      action: "calendar.holiday.remove",
      entityType: "calendar_holiday",
      entityId: input.day,
      before: removed[0],
      meta,
    });
  });
}

/**
 * Set the hours of one date (Ramadan hours, a half-day) or close it. A public holiday already
 * closes its date and wins over any hours, so hours for a holiday are refused rather than
 * stored to no effect.
 */
export async function addOverride(
  db: Db,
  admin: AdminUser,
  input: OverrideInput,
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    await lockConfiguration(tx, "calendar");
    const { id } = await ensureCalendar(tx);
    const [holiday] = await tx
      .select()
      .from(calendarHolidays)
      .where(and(eq(calendarHolidays.calendarId, id), eq(calendarHolidays.day, input.day)));
    if (holiday) throw refusal("CONFLICT", "overrideOnHoliday");
    const inserted = await tx
      .insert(calendarOverrides)
      .values({
        calendarId: id,
        day: input.day,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        note: input.note,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw refusal("CONFLICT", "overrideExists");
    await writeAudit(tx, {
      actor,
      action: "calendar.override.add",
      entityType: "calendar_override",
      entityId: input.day,
      after: inserted[0],
      meta,
    });
  });
}

export async function removeOverride(
  db: Db,
  admin: AdminUser,
  input: { day: string },
  meta?: RequestMeta,
): Promise<void> {
  const actor = auditActorOf(admin);
  await db.transaction(async (tx) => {
    await lockConfiguration(tx, "calendar");
    const { id } = await getCalendarSettings(tx);
    const removed = id
      ? await tx
          .delete(calendarOverrides)
          .where(and(eq(calendarOverrides.calendarId, id), eq(calendarOverrides.day, input.day)))
          .returning()
      : [];
    if (!removed.length) throw refusal("NOT_FOUND", "dayNotListed");
    await writeAudit(tx, {
      actor,
      action: "calendar.override.remove",
      entityType: "calendar_override",
      entityId: input.day,
      before: removed[0],
      meta,
    });
  });
}

export type DeadlinePreview =
  | { ok: true; days: number; minutes: number; dueAt: Date; timeZone: string }
  | { ok: false; days: number; timeZone: string };

/**
 * When an item with a deadline of `days` regular working days, filed at `now`, would be due,
 * with the calendar as saved (the same loadWorkflowConfig and addBusinessMinutes as intake).
 */
export async function previewDeadline(db: DbOrTx, now: Date, days = 2): Promise<DeadlinePreview> {
  const { calendar } = await loadWorkflowConfig(db);
  const minutes = days * workdayMinutes(calendar.opensAt, calendar.closesAt);
  try {
    const dueAt = addBusinessMinutes(calendar, now, minutes);
    return { ok: true, days, minutes, dueAt, timeZone: calendar.timeZone };
  } catch {
    // A calendar that never opens (every day unticked and closed) has no due date to show.
    return { ok: false, days, timeZone: calendar.timeZone };
  }
}
