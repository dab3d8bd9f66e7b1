import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import {
  incidents,
  readingSchedules,
  readingWindows,
  readings,
  workItemEvents,
  type User,
} from "@/db/schema";
import { seedMeteringSchedule } from "@/db/seed/metering";
import {
  attachAction,
  incidentReplyAction,
  incidentResolveAction,
  openIncidentAction,
} from "@/app/[locale]/(backoffice)/backoffice/incidents/actions";
import {
  correctReadingAction,
  rejectReadingAction,
} from "@/app/[locale]/(backoffice)/backoffice/items/reading-actions";
import {
  addDateAction,
  removeDateAction,
  saveWindowAction,
} from "@/app/[locale]/(backoffice)/backoffice/reading-windows/actions";
import type { FormState } from "@/lib/actions/form-state";
import { resetEnvCache } from "@/lib/env";
import { REVIEW_REASON_MAX } from "@/lib/metering/review";
import { openIncident } from "@/lib/workflow/incidents";
import { createTestDatabase } from "../helpers/db";
import { createHeldReading } from "../helpers/readings";
import { expectLocalisedRefusal, formOf, snapshotAll } from "../helpers/bad-input";
import { itemRow, userByEmail } from "../helpers/workflow";

// Who is signed in, the locale and revalidation are request-bound: the test provides them; the
// actions, their inline schemas, the services and the database are real.
const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock("@/lib/auth/guards", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
  currentRequestMeta: async () => ({ ip: "203.0.113.8", userAgent: "vitest" }),
  isStaff: (u: Pick<User, "role">) => ["clerk", "supervisor", "admin"].includes(u.role),
}));
vi.mock("next-intl/server", () => ({ getLocale: async () => "ar" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: Db;
let customer: User;
let clerk: User;
let supervisor: User;
let admin: User;
const globalForDb = globalThis as unknown as { __waslaDb?: Db };

const ZONE = "BI-TEST";
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 10, 6, 10);
const READ_AT = new Date(T0 + 120 * DAY);
const NOW = new Date(READ_AT.getTime() + 60 * 60_000);

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  resetEnvCache();
  ({ db } = await createTestDatabase());
  globalForDb.__waslaDb = db;
  customer = await userByEmail(db, "customer@wasla.example");
  clerk = await userByEmail(db, "clerk@wasla.example");
  supervisor = await userByEmail(db, "supervisor@wasla.example");
  admin = await userByEmail(db, "admin@wasla.example");
  await seedMeteringSchedule(db, [ZONE], new Date("2026-01-10T00:00:00Z"));
});

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

function act(action: Action, user: User, fields: Record<string, string>) {
  session.user = user;
  return action({ status: "idle" }, formOf(fields));
}

/** The action refuses with these keys (localised in ar/fr/en) and no table gains or loses a row. */
async function refused(
  action: Action,
  user: User,
  fields: Record<string, string>,
  expected: { formError?: string; fields?: Record<string, string> },
) {
  const before = await snapshotAll(db);
  const state = await act(action, user, fields);
  expectLocalisedRefusal(state, expected);
  expect(await snapshotAll(db)).toEqual(before);
}

/** A successful action ends in redirect(), which signals by throwing. */
async function redirected(action: Action, user: User, fields: Record<string, string>) {
  const outcome = await act(action, user, fields).catch((e: { digest?: string }) => e);
  expect((outcome as { digest?: string }).digest, JSON.stringify(outcome)).toMatch(
    /^NEXT_REDIRECT/,
  );
}

describe("incidents: bad input is refused with a localised key and opens nothing", () => {
  const valid = (over: Record<string, string> = {}) => ({
    title: "Coupure d'eau — quartier Essalam",
    departmentCode: "technical_interventions",
    service: "water",
    zone: "EJ-CENTRE",
    keywords: "coupure, انقطاع, outage",
    ...over,
  });

  it("empty, oversized and unknown fields", async () => {
    await refused(openIncidentAction, supervisor, valid({ title: "  " }), {
      fields: { title: "required" },
    });
    await refused(openIncidentAction, supervisor, valid({ title: "t".repeat(201) }), {
      fields: { title: "tooLong" },
    });
    await refused(openIncidentAction, supervisor, valid({ departmentCode: "nowhere" }), {
      formError: "VALIDATION_FAILED",
      fields: { departmentCode: "invalid" },
    });
    await refused(openIncidentAction, supervisor, valid({ departmentCode: "d".repeat(41) }), {
      fields: { departmentCode: "tooLong" },
    });
    await refused(openIncidentAction, supervisor, valid({ service: "gas" }), {
      fields: { service: expect.any(String) as unknown as string },
    });
    await refused(openIncidentAction, supervisor, valid({ zone: "z".repeat(41) }), {
      fields: { zone: "tooLong" },
    });
    await refused(openIncidentAction, supervisor, valid({ keywords: "k".repeat(61) }), {
      // The list's first keyword; the form lists every field's message.
      fields: { "keywords.0": "tooLong" },
    });
    const many = Array.from({ length: 31 }, (_, i) => `mot${i}`).join(",");
    await refused(openIncidentAction, supervisor, valid({ keywords: many }), {
      fields: { keywords: "tooLong" },
    });
  });

  it("control characters (a NUL byte PostgreSQL cannot store) are invalid, not an error", async () => {
    await refused(openIncidentAction, supervisor, valid({ title: "Coupure\u0000" }), {
      fields: { title: "invalid" },
    });
    await refused(openIncidentAction, supervisor, valid({ departmentCode: "billing\u0000" }), {
      fields: { departmentCode: "invalid" },
    });
    await refused(openIncidentAction, supervisor, valid({ zone: "EJ\u0000" }), {
      fields: { zone: "invalid" },
    });
    await refused(openIncidentAction, supervisor, valid({ keywords: "fuite\u0000, eau" }), {
      fields: { "keywords.0": "invalid" },
    });
  });

  it("a clerk may not open one", async () => {
    await refused(openIncidentAction, clerk, valid(), { formError: "FORBIDDEN" });
  });

  it("stores hostile markup as text", async () => {
    const title = `<img src=x onerror=alert(1)> انقطاع`;
    const state = await act(openIncidentAction, supervisor, valid({ title }));
    expect(state).toEqual({ status: "ok" });
    const rows = await db.select().from(incidents).where(eq(incidents.title, title));
    expect(rows).toHaveLength(1);
  });

  it("reply, resolve and attach with empty, oversized, unknown or malformed input", async () => {
    const incident = await openIncident(db, supervisor, {
      title: "Fuite rue 5",
      departmentCode: "technical_interventions",
      keywords: ["fuite"],
    });
    const incidentId = incident.id;
    await refused(
      incidentReplyAction,
      supervisor,
      { incidentId, body: "" },
      {
        fields: { body: "required" },
      },
    );
    await refused(
      incidentReplyAction,
      supervisor,
      { incidentId, body: "b".repeat(5001) },
      {
        fields: { body: "tooLong" },
      },
    );
    await refused(
      incidentReplyAction,
      supervisor,
      { incidentId: "42", body: "Rétabli" },
      {
        fields: { incidentId: "invalid" },
      },
    );
    await refused(
      incidentReplyAction,
      supervisor,
      { incidentId: "6f1c0c1e-0000-4000-8000-000000000000", body: "Rétabli" },
      { formError: "NOT_FOUND" },
    );
    await refused(
      incidentResolveAction,
      supervisor,
      { incidentId, note: " " },
      {
        fields: { note: "required" },
      },
    );
    await refused(
      attachAction,
      supervisor,
      { incidentId, numbers: "" },
      {
        fields: { numbers: "required" },
      },
    );
    await refused(
      attachAction,
      supervisor,
      { incidentId, numbers: "REC-0000-000000" },
      {
        fields: { numbers: "itemUnknown" },
      },
    );
    await refused(
      attachAction,
      supervisor,
      { incidentId, numbers: "REC\u0000" },
      {
        fields: { "numbers.0": "invalid" },
      },
    );
  });
});

describe("reading windows: digits as typed, and bad input refused without a change", () => {
  it("accepts Arabic-Indic and Eastern Arabic-Indic digits for the days", async () => {
    const state = await act(saveWindowAction, admin, {
      zone: ZONE,
      daysBefore: "٣",
      daysAfter: "۱۲",
    });
    expect(state).toEqual({ status: "ok" });
    const [row] = await db.select().from(readingWindows).where(eq(readingWindows.zone, ZONE));
    expect(row).toMatchObject({ daysBefore: 3, daysAfter: 12 });
  });

  it("refuses empty, lettered, decimal, negative and too large days", async () => {
    const cases: [string, string][] = [
      ["", "required"],
      ["  ", "required"],
      ["abc", "invalid"],
      ["3a", "invalid"],
      ["2.5", "invalid"],
      ["-1", "invalid"],
      ["16", "invalid"],
      ["١٦", "invalid"],
      ["1e1", "invalid"],
      ["0x5", "invalid"],
    ];
    for (const [value, key] of cases) {
      await refused(
        saveWindowAction,
        admin,
        { zone: ZONE, daysBefore: value, daysAfter: "2" },
        {
          fields: { daysBefore: key },
        },
      );
    }
  });

  it("refuses an empty, overlong or control-character zone", async () => {
    await refused(
      saveWindowAction,
      admin,
      { zone: " ", daysBefore: "2", daysAfter: "2" },
      {
        fields: { zone: "required" },
      },
    );
    await refused(
      saveWindowAction,
      admin,
      { zone: "z".repeat(41), daysBefore: "2", daysAfter: "2" },
      {
        fields: { zone: "tooLong" },
      },
    );
    await refused(
      saveWindowAction,
      admin,
      { zone: "EJ\u0000", daysBefore: "2", daysAfter: "2" },
      {
        fields: { zone: "invalid" },
      },
    );
  });

  it("refuses dates that are not real calendar days, and accepts Arabic digits in one", async () => {
    for (const date of ["", "2026-02-30", "2026-04-31", "2026-13-01", "05/03/2026", "2026-3-5"]) {
      await refused(addDateAction, admin, { zone: ZONE, date }, { fields: { date: "invalid" } });
      await refused(removeDateAction, admin, { zone: ZONE, date }, { fields: { date: "invalid" } });
    }
    const state = await act(addDateAction, admin, { zone: ZONE, date: "٢٠٢٦-١٢-٠٥" });
    expect(state).toEqual({ status: "ok" });
    const rows = await db
      .select()
      .from(readingSchedules)
      .where(
        and(eq(readingSchedules.zone, ZONE), eq(readingSchedules.scheduledDate, "2026-12-05")),
      );
    expect(rows).toHaveLength(1);
  });

  it("only admins change windows", async () => {
    await refused(
      saveWindowAction,
      supervisor,
      { zone: ZONE, daysBefore: "2", daysAfter: "2" },
      {
        formError: "FORBIDDEN",
      },
    );
  });
});

describe("reading review: correct / reject refuse bad input and decide nothing", () => {
  let counter = 0;

  /** A customer's meter with an agent history, and a self-reading of `index` held for review. */
  async function heldReading(index = "12800"): Promise<{ itemId: string; registerId: string }> {
    counter++;
    return createHeldReading(db, {
      customer,
      zone: ZONE,
      prefix: { contract: "93000", serial: "BIR" },
      n: counter,
      t0: T0,
      readAt: READ_AT,
      now: NOW,
      index,
    });
  }

  async function selfReading(registerId: string) {
    const [row] = await db
      .select()
      .from(readings)
      .where(and(eq(readings.registerId, registerId), eq(readings.source, "self")));
    return row!;
  }

  it("correct: letters, decimals, too many digits, an essay, empty or oversized reason", async () => {
    const { itemId, registerId } = await heldReading();
    const before = { item: await itemRow(db, itemId), reading: await selfReading(registerId) };
    const reason = "Photo lue à nouveau";
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ index: "12a00", reason }, { index: "notWholeNumber" }],
      [{ index: "12800.5", reason }, { index: "notWholeNumber" }],
      [{ index: "", reason }, { index: expect.any(String) as unknown as string }],
      [{ index: "1234567", reason }, { index: "tooManyDigits" }],
      [{ index: "9".repeat(101), reason }, { index: "tooManyDigits" }],
      [{ index: "<b>12800</b>", reason }, { index: "notWholeNumber" }],
      [{ index: "12900", reason: "" }, { reason: "required" }],
      [{ index: "12900", reason: "r".repeat(REVIEW_REASON_MAX + 1) }, { reason: "tooLong" }],
      [{ index: "12900", reason: "ok\u0000" }, { reason: "invalid" }],
    ];
    for (const [fields, expected] of cases) {
      await refused(
        correctReadingAction,
        clerk,
        { itemId, registerId, ...fields },
        { fields: expected },
      );
    }
    await refused(
      correctReadingAction,
      clerk,
      { itemId, registerId: "abc", index: "12900", reason },
      {
        fields: { registerId: "invalid" },
      },
    );
    await refused(
      correctReadingAction,
      clerk,
      { itemId, registerId: "6f1c0c1e-0000-4000-8000-000000000000", index: "12900", reason },
      { fields: { registerId: "invalid" } },
    );
    // Below the previous accepted index (12,345).
    await refused(
      correctReadingAction,
      clerk,
      { itemId, registerId, index: "12000", reason },
      {
        fields: { index: expect.any(String) as unknown as string },
      },
    );
    expect(await itemRow(db, itemId)).toEqual(before.item);
    expect(await selfReading(registerId)).toEqual(before.reading);
  });

  it("correct: an index in Arabic-Indic digits is accepted", async () => {
    const { itemId, registerId } = await heldReading();
    await redirected(correctReadingAction, clerk, {
      itemId,
      registerId,
      index: "١٢ ٦٠٠",
      reason: "قراءة الصورة من جديد",
    });
    const row = await selfReading(registerId);
    expect(Number(row.index)).toBe(12600);
    expect(row.status).toBe("accepted");
    expect((await itemRow(db, itemId)).status).toBe("resolved");
  });

  it("reject: empty, oversized or control-character reason; malformed item id", async () => {
    const { itemId, registerId } = await heldReading();
    const before = { item: await itemRow(db, itemId), reading: await selfReading(registerId) };
    await refused(
      rejectReadingAction,
      clerk,
      { itemId, reason: "  " },
      { fields: { reason: "required" } },
    );
    await refused(
      rejectReadingAction,
      clerk,
      { itemId, reason: "r".repeat(REVIEW_REASON_MAX + 1) },
      {
        fields: { reason: "tooLong" },
      },
    );
    await refused(
      rejectReadingAction,
      clerk,
      { itemId, reason: "\u0007bip" },
      { fields: { reason: "invalid" } },
    );
    await refused(
      rejectReadingAction,
      clerk,
      { itemId: "x", reason: "Photo floue" },
      {
        fields: { itemId: "invalid" },
      },
    );
    await refused(
      rejectReadingAction,
      customer,
      { itemId, reason: "Photo floue" },
      { formError: "FORBIDDEN" },
    );
    expect(await itemRow(db, itemId)).toEqual(before.item);
    expect(await selfReading(registerId)).toEqual(before.reading);
  });

  it("reject: hostile markup is kept as the text of the reason", async () => {
    const { itemId, registerId } = await heldReading();
    const reason = `<script>alert(1)</script> الصورة غير واضحة`;
    await redirected(rejectReadingAction, clerk, { itemId, reason });
    expect((await selfReading(registerId)).status).toBe("rejected");
    const events = await db.select().from(workItemEvents).where(eq(workItemEvents.itemId, itemId));
    expect(events.some((e) => e.body === reason)).toBe(true);
  });
});
