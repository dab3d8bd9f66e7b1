import { and, desc, eq } from "drizzle-orm";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, outbox, readings, workItemEvents, type User } from "@/db/schema";
import { seedMeteringSchedule } from "@/db/seed/metering";
import { ReadingReviewPanel } from "@/components/backoffice/reading-review-panel";
import type { FormState } from "@/lib/actions/form-state";
import { readingReviewLabels } from "@/lib/metering/review-messages";
import { acceptReading, correctReading, rejectReading } from "@/lib/metering/review";
import { getReadingReview } from "@/lib/metering/review-queries";
import { getCustomerItem } from "@/lib/workflow/queries";
import { createTestDatabase } from "../helpers/db";
import { createHeldReading } from "../helpers/readings";
import { renderWithIntl } from "../helpers/render-intl";
import { appErrorOf, eventCount, itemRow, userByEmail } from "../helpers/workflow";

let db: Db;
let customer: User;
let clerk: User;
let billingClerk: User;

const ZONE = "RV-TEST";
const DAY = 86_400_000;
// Four agent readings 30 days apart, 240 a period, as in readings.test.ts.
const T0 = Date.UTC(2025, 10, 6, 10);
const READ_AT = new Date(T0 + 120 * DAY);
const NOW = new Date(READ_AT.getTime() + 60 * 60_000);
const LATER = new Date(NOW.getTime() + 60 * 60_000);

beforeAll(async () => {
  // The resolution e-mail carries a signed rating link.
  process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
  ({ db } = await createTestDatabase());
  customer = await userByEmail(db, "customer@wasla.example");
  clerk = await userByEmail(db, "clerk@wasla.example");
  billingClerk = await userByEmail(db, "billing@wasla.example");
  await seedMeteringSchedule(db, [ZONE], new Date("2026-01-10T00:00:00Z"));
});

let counter = 0;

/** A customer's meter with an agent history, and a self-reading of `index` held for review. */
async function heldReading(index = "12800"): Promise<{ itemId: string; registerId: string }> {
  counter++;
  return createHeldReading(db, {
    customer,
    zone: ZONE,
    prefix: { contract: "91000", serial: "REV" },
    n: counter,
    t0: T0,
    readAt: READ_AT,
    now: NOW,
    index,
  });
}

function selfRow(registerId: string) {
  return db
    .select()
    .from(readings)
    .where(and(eq(readings.registerId, registerId), eq(readings.source, "self")));
}

function auditOf(entityId: string, action: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.at));
}

const staff = (u: User) => ({ id: u.id, role: u.role });

describe("reading review: the panel's data", () => {
  it("gives metering staff the reading, its previous index, flags and history; others nothing", async () => {
    const { itemId } = await heldReading();
    const review = await getReadingReview(db, staff(clerk), itemId);
    expect(review?.open).toBe(true);
    expect(review?.registers).toHaveLength(1);
    expect(review!.registers[0]).toMatchObject({
      index: 12800,
      previousIndex: 12345,
      consumption: 455,
      flags: ["high"],
      dials: 6,
      status: "review",
    });
    expect(review!.registers[0]!.history.map((h) => h.index)).toEqual([11625, 11865, 12105, 12345]);
    expect(await getReadingReview(db, staff(billingClerk), itemId)).toBeUndefined();
    expect(await getReadingReview(db, staff(customer), itemId)).toBeUndefined();
  });
});

describe("reading review: decisions", () => {
  it("accepts a held reading: accepted, item resolved, customer e-mailed, audited", async () => {
    const { itemId, registerId } = await heldReading();
    const item = await acceptReading(db, staff(clerk), itemId, { now: LATER });
    expect(item).toMatchObject({ status: "resolved", outcome: "resolved", assigneeId: null });
    expect(item.resolvedAt).toEqual(LATER);
    const [row] = await selfRow(registerId);
    expect(row).toMatchObject({ status: "accepted", consumption: 455, usedForBilling: true });
    const mails = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "itemResolved"), eq(outbox.toAddress, customer.email)));
    expect(mails.some((m) => m.bodyText.includes(item.number))).toBe(true);
    expect(await auditOf(row!.id, "reading.accept")).toHaveLength(1);
    expect(await auditOf(itemId, "item.resolve")).toHaveLength(1);
  });

  it("corrects the index: consumption recomputed, both indexes audited and noted internally", async () => {
    const { itemId, registerId } = await heldReading();
    await correctReading(
      db,
      staff(clerk),
      itemId,
      { registerId, index: "12 600", reason: "The photo shows 12600." },
      { now: LATER },
    );
    const [row] = await selfRow(registerId);
    expect(row).toMatchObject({ index: 12600, consumption: 255, status: "accepted" });
    const [audit] = await auditOf(row!.id, "reading.correct");
    expect(audit!.before).toMatchObject({ index: 12800, consumption: 455 });
    expect(audit!.after).toMatchObject({ index: 12600, consumption: 255 });
    const events = await db.select().from(workItemEvents).where(eq(workItemEvents.itemId, itemId));
    const note = events.find((e) => e.type === "note");
    expect(note).toMatchObject({ visibility: "internal", body: "The photo shows 12600." });
    expect(note!.data).toMatchObject({ fromIndex: 12800, toIndex: 12600 });
    const resolved = events.find((e) => e.type === "resolved");
    expect(resolved).toMatchObject({ visibility: "customer", messageKey: "resolved" });
  });

  it("rejects: not used for billing, and the customer sees the reason", async () => {
    const { itemId, registerId } = await heldReading();
    const reason = "La photo ne correspond pas au compteur.";
    await rejectReading(db, staff(clerk), itemId, { reason }, { now: LATER });
    const [row] = await selfRow(registerId);
    expect(row).toMatchObject({ status: "rejected", usedForBilling: false });
    const item = await itemRow(db, itemId);
    expect(item).toMatchObject({ status: "resolved", outcome: "rejected", outcomeNote: reason });
    const seen = await getCustomerItem(db, { number: item.number, userId: customer.id });
    const last = seen!.events.at(-1)!;
    expect(last).toMatchObject({ type: "resolved", body: reason, messageKey: "resolved" });
    expect(last.data).toMatchObject({ outcome: "rejected" });
    expect(await auditOf(row!.id, "reading.reject")).toHaveLength(1);
  });
});

describe("reading review: who decides", () => {
  it("lets a supervisor decide and an admin see the review", async () => {
    const { itemId, registerId } = await heldReading();
    const admin = await userByEmail(db, "admin@wasla.example");
    expect(await getReadingReview(db, staff(admin), itemId)).toBeDefined();
    const supervisor = await userByEmail(db, "supervisor@wasla.example");
    await acceptReading(db, staff(supervisor), itemId, { now: LATER });
    expect((await selfRow(registerId))[0]!.status).toBe("accepted");
    expect((await getReadingReview(db, staff(admin), itemId))?.open).toBe(false);
  });
});

describe("reading review: refusals change nothing", () => {
  it("answers NOT_FOUND to a clerk of another department", async () => {
    const { itemId, registerId } = await heldReading();
    const events = await eventCount(db, itemId);
    expect((await appErrorOf(acceptReading(db, staff(billingClerk), itemId))).code).toBe(
      "NOT_FOUND",
    );
    expect((await selfRow(registerId))[0]!.status).toBe("review");
    expect(await eventCount(db, itemId)).toBe(events);
  });

  it("refuses a second decision on a resolved review", async () => {
    const { itemId, registerId } = await heldReading();
    await acceptReading(db, staff(clerk), itemId, { now: LATER });
    const before = await itemRow(db, itemId);
    const events = await eventCount(db, itemId);
    const error = await appErrorOf(
      rejectReading(db, staff(clerk), itemId, { reason: "second thoughts" }),
    );
    expect(["ITEM_CLOSED", "INVALID_TRANSITION"]).toContain(error.code);
    expect(await itemRow(db, itemId)).toEqual(before);
    expect((await selfRow(registerId))[0]).toMatchObject({
      status: "accepted",
      usedForBilling: true,
    });
    expect(await eventCount(db, itemId)).toBe(events);
  });

  it.each([["12a00"], ["1234567"], ["12.5"], [""]])(
    "refuses the corrected index %j as VALIDATION_FAILED",
    async (index) => {
      const { itemId, registerId } = await heldReading();
      const events = await eventCount(db, itemId);
      const error = await appErrorOf(
        correctReading(db, staff(clerk), itemId, { registerId, index, reason: "photo" }),
      );
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.fields).toHaveProperty("index");
      expect((await selfRow(registerId))[0]).toMatchObject({ index: 12800, status: "review" });
      expect((await itemRow(db, itemId)).status).not.toBe("resolved");
      expect(await eventCount(db, itemId)).toBe(events);
    },
  );

  it("refuses a corrected index below the previous accepted one", async () => {
    const { itemId, registerId } = await heldReading();
    const error = await appErrorOf(
      correctReading(db, staff(clerk), itemId, { registerId, index: "12000", reason: "photo" }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect((await selfRow(registerId))[0]!.status).toBe("review");
  });

  it("refuses an empty reason", async () => {
    const { itemId } = await heldReading();
    const error = await appErrorOf(rejectReading(db, staff(clerk), itemId, { reason: "  " }));
    expect(error.code).toBe("VALIDATION_FAILED");
  });
});

describe("reading review: the panel", () => {
  const noop = async (): Promise<FormState> => ({ status: "idle" });
  const actions = { accept: noop, correct: noop, reject: noop };

  async function render(locale: "ar" | "en", itemId: string): Promise<string> {
    const review = await getReadingReview(db, staff(clerk), itemId);
    const panel = createElement(ReadingReviewPanel, {
      review: review!,
      labels: readingReviewLabels(locale),
      locale,
      timeZone: "Africa/Casablanca",
      actions,
    });
    return renderWithIntl(panel, locale);
  }

  it("shows the figures, the reasons, the photo link, the chart and the three forms", async () => {
    const { itemId } = await heldReading();
    const html = await render("en", itemId);
    expect(html).toContain("12,800");
    expect(html).toContain("12,345");
    expect(html).toContain(readingReviewLabels("en").flag.high);
    expect(html).toContain(readingReviewLabels("en").noPhoto);
    // Three past periods of 240 and the reading under review.
    expect(html.match(/<rect /g)).toHaveLength(4);
    expect(html).toContain(readingReviewLabels("en").accept);
    expect(html).toContain('name="index"');
    expect(html).toContain(readingReviewLabels("en").reject);
  });

  it("lays the chart out from the right in Arabic, and drops the forms once decided", async () => {
    const { itemId } = await heldReading();
    const xs = (html: string) => [...html.matchAll(/<rect x="([\d.]+)"/g)].map((m) => Number(m[1]));
    const ltr = xs(await render("en", itemId));
    const rtl = xs(await render("ar", itemId));
    // Oldest bar first in both: left to right in English, right to left in Arabic.
    expect(ltr[0]!).toBeLessThan(ltr.at(-1)!);
    expect(rtl[0]!).toBeGreaterThan(rtl.at(-1)!);
    await acceptReading(db, staff(clerk), itemId, { now: LATER });
    const decided = await render("en", itemId);
    expect(decided).toContain(readingReviewLabels("en").decided);
    expect(decided).not.toContain('name="index"');
  });
});
