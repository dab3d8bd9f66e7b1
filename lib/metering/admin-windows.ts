import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { premises, readingSchedules, readingWindows } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { DEFAULT_READING_WINDOW } from "./reading-window";

type Admin = { id: string; role: "customer" | "clerk" | "supervisor" | "admin" };

function assertAdmin(user: Admin) {
  if (user.role !== "admin") throw new AppError("FORBIDDEN");
}

/** Every zone with premises or a window, its window (default when none is set) and next dates. */
export async function listZoneWindows(db: DbOrTx, todayLocal: string) {
  const zones = await db.execute(
    sql`select zone from ${premises} union select zone from ${readingWindows} order by 1`,
  );
  const windows = await db.select().from(readingWindows);
  const upcoming = await db
    .select()
    .from(readingSchedules)
    .where(gte(readingSchedules.scheduledDate, todayLocal))
    .orderBy(asc(readingSchedules.scheduledDate));
  return (zones.rows as { zone: string }[]).map(({ zone }) => {
    const w = windows.find((x) => x.zone === zone);
    return {
      zone,
      daysBefore: w?.daysBefore ?? DEFAULT_READING_WINDOW.daysBefore,
      daysAfter: w?.daysAfter ?? DEFAULT_READING_WINDOW.daysAfter,
      upcoming: upcoming
        .filter((s) => s.zone === zone)
        .slice(0, 6)
        .map((s) => s.scheduledDate),
    };
  });
}

/** Set a zone's window (days before and after each scheduled date, 0–15 each). */
export async function saveZoneWindow(
  db: Db,
  admin: Admin,
  input: { zone: string; daysBefore: number; daysAfter: number },
  meta?: RequestMeta,
) {
  assertAdmin(admin);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(readingWindows)
      .where(eq(readingWindows.zone, input.zone));
    await tx
      .insert(readingWindows)
      .values(input)
      .onConflictDoUpdate({
        target: readingWindows.zone,
        set: { daysBefore: input.daysBefore, daysAfter: input.daysAfter },
      });
    await writeAudit(tx, {
      actor: { kind: "user", userId: admin.id, role: admin.role },
      action: "reading_window.save",
      entityType: "reading_window",
      entityId: input.zone,
      before: before ?? null,
      after: input,
      meta,
    });
  });
}

/** Add or remove one scheduled reading date of a zone. */
export async function setScheduleDate(
  db: Db,
  admin: Admin,
  input: { zone: string; date: string; present: boolean },
  meta?: RequestMeta,
) {
  assertAdmin(admin);
  await db.transaction(async (tx) => {
    if (input.present) {
      await tx
        .insert(readingSchedules)
        .values({ zone: input.zone, scheduledDate: input.date })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(readingSchedules)
        .where(
          and(
            eq(readingSchedules.zone, input.zone),
            eq(readingSchedules.scheduledDate, input.date),
          ),
        );
    }
    await writeAudit(tx, {
      actor: { kind: "user", userId: admin.id, role: admin.role },
      action: input.present ? "reading_schedule.add" : "reading_schedule.remove",
      entityType: "reading_schedule",
      entityId: `${input.zone}:${input.date}`,
      meta,
    });
  });
}
