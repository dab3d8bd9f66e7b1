import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, readingSchedules, readingWindows, type User } from "@/db/schema";
import { listZoneWindows, saveZoneWindow, setScheduleDate } from "@/lib/metering/admin-windows";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, userByEmail } from "../helpers/workflow";

let db: Db;
let admin: User;
let clerk: User;
beforeAll(async () => {
  ({ db } = await createTestDatabase());
  admin = await userByEmail(db, "admin@wasla.example");
  clerk = await userByEmail(db, "clerk@wasla.example");
});

describe("reading windows administration", () => {
  it("lists every zone with premises, with the default window until one is saved", async () => {
    const zones = await listZoneWindows(db, "2026-11-22");
    const centre = zones.find((z) => z.zone === "EJ-CENTRE");
    expect(centre).toBeDefined();
    expect(centre!.upcoming.every((d) => d >= "2026-11-22")).toBe(true);
  });

  it("saves a zone's window and its schedule, with audit rows", async () => {
    await saveZoneWindow(db, admin, { zone: "EJ-CENTRE", daysBefore: 1, daysAfter: 4 });
    const [w] = await db.select().from(readingWindows).where(eq(readingWindows.zone, "EJ-CENTRE"));
    expect(w).toMatchObject({ daysBefore: 1, daysAfter: 4 });
    await setScheduleDate(db, admin, { zone: "EJ-CENTRE", date: "2027-03-17", present: true });
    expect(
      await db
        .select()
        .from(readingSchedules)
        .where(
          and(
            eq(readingSchedules.zone, "EJ-CENTRE"),
            eq(readingSchedules.scheduledDate, "2027-03-17"),
          ),
        ),
    ).toHaveLength(1);
    await setScheduleDate(db, admin, { zone: "EJ-CENTRE", date: "2027-03-17", present: false });
    expect(
      await db
        .select()
        .from(readingSchedules)
        .where(
          and(
            eq(readingSchedules.zone, "EJ-CENTRE"),
            eq(readingSchedules.scheduledDate, "2027-03-17"),
          ),
        ),
    ).toHaveLength(0);
    const audits = await db.select().from(auditLog).where(eq(auditLog.actorUserId, admin.id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "reading_window.save",
        "reading_schedule.add",
        "reading_schedule.remove",
      ]),
    );
  });

  it("refuses anyone but an administrator, changing nothing", async () => {
    expect(
      (
        await appErrorOf(
          saveZoneWindow(db, clerk, { zone: "EJ-CENTRE", daysBefore: 9, daysAfter: 9 }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const [w] = await db.select().from(readingWindows).where(eq(readingWindows.zone, "EJ-CENTRE"));
    expect(w?.daysBefore).toBe(1);
  });
});
