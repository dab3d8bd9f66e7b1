import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  accountContracts,
  contracts,
  customers,
  departments,
  meterRegisters,
  meters,
  premises,
  readingSchedules,
  readings,
  workItems,
  type User,
} from "@/db/schema";
import { seedMeteringSchedule } from "@/db/seed/metering";
import { readingHistory } from "@/lib/metering/history";
import { readingSubmissionSchema, type ReadingSubmission } from "@/lib/metering/schemas";
import { submitReading, type ReadingSubmitter } from "@/lib/metering/submit-reading";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, userByEmail } from "../helpers/workflow";

let db: Db;
let customer: User;
let other: User;

const ZONE = "RD-TEST";
const DAY = 86_400_000;
// Four agent readings 30 days apart: three periods of 240, i.e. 8 a day (240 a month).
const T0 = Date.UTC(2025, 10, 6, 10);
const PREVIOUS_AT = new Date(T0 + 90 * DAY);
// 30 days after the previous reading, on 6 March: inside the window around the 5th (2nd–7th).
const READ_AT = new Date(PREVIOUS_AT.getTime() + 30 * DAY);
const NOW = new Date(READ_AT.getTime() + 60 * 60_000);

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  customer = await userByEmail(db, "customer@wasla.example");
  other = await userByEmail(db, "youssef@wasla.example");
  await seedMeteringSchedule(db, [ZONE], new Date("2026-01-10T00:00:00Z"));
});

let counter = 0;

/** A fresh contract of `owner` in the test zone with one meter and its agent history. */
async function freshMeter(options: {
  dials?: number;
  history?: number[];
  owner?: User;
}): Promise<{ contractNo: string; serial: string; registerId: string }> {
  counter++;
  const contractNo = `90000${String(counter).padStart(5, "0")}`;
  const serial = `TST-2026-${String(counter).padStart(5, "0")}`;
  const [c] = await db
    .insert(customers)
    .values({ customerCode: `T${contractNo}`, name: "Test customer" })
    .returning();
  const [p] = await db
    .insert(premises)
    .values({ addressLine: "1 rue du Test", city: "El Jadida", zone: ZONE })
    .returning();
  const [k] = await db
    .insert(contracts)
    .values({
      contractNo,
      customerId: c!.id,
      premiseId: p!.id,
      service: "water",
      startDate: "2020-01-01",
    })
    .returning();
  const [m] = await db
    .insert(meters)
    .values({ contractId: k!.id, serial, dials: options.dials ?? 6, installedAt: "2020-01-01" })
    .returning();
  const [r] = await db.insert(meterRegisters).values({ meterId: m!.id }).returning();
  const history = options.history ?? [11625, 11865, 12105, 12345];
  await db.insert(readings).values(
    history.map((index, i) => ({
      registerId: r!.id,
      index,
      readAt: new Date(T0 + i * 30 * DAY),
      source: "agent" as const,
      status: "accepted" as const,
    })),
  );
  await db
    .insert(accountContracts)
    .values({ userId: (options.owner ?? customer).id, contractId: k!.id });
  return { contractNo, serial, registerId: r!.id };
}

/** The submission as the route parses it, so canonical forms are the real ones. */
function submission(
  meter: { contractNo: string; serial: string },
  index: string,
  extra: Partial<Record<"readAt" | "idempotencyKey" | "meterSerial", string>> = {},
): ReadingSubmission {
  return readingSubmissionSchema.parse({
    contractNo: meter.contractNo,
    meterSerial: extra.meterSerial ?? meter.serial,
    readings: [{ register: "single", index }],
    readAt: extra.readAt ?? READ_AT.toISOString(),
    idempotencyKey: extra.idempotencyKey,
  });
}

const asCustomer = (user: User = customer): ReadingSubmitter => ({
  userId: user.id,
  locale: user.locale,
});

async function rowsOf(registerId: string) {
  return db.select().from(readings).where(eq(readings.registerId, registerId));
}

async function selfRowsOf(registerId: string) {
  return db
    .select()
    .from(readings)
    .where(and(eq(readings.registerId, registerId), eq(readings.source, "self")));
}

describe("submitReading: the issue's examples", () => {
  it("accepts 12,345 → 12,600 with a 240/month average: consumption 255, used for billing", async () => {
    const meter = await freshMeter({});
    const receipt = await submitReading(
      db,
      submission(meter, "12600"),
      asCustomer(),
      undefined,
      NOW,
    );
    expect(receipt).toMatchObject({ status: "accepted", consumption: 255, flags: [] });
    expect(receipt.receiptNo).toMatch(/^RL-2026-\d{6}$/);
    const [row] = await selfRowsOf(meter.registerId);
    expect(row).toMatchObject({
      index: 12600,
      status: "accepted",
      consumption: 255,
      usedForBilling: true,
      receiptNo: receipt.receiptNo,
      channel: "web",
      submittedBy: customer.id,
      reviewItemId: null,
    });
  });

  it("refuses 12,345 → 12,300 as lower than the previous index, and stores nothing", async () => {
    const meter = await freshMeter({});
    const error = await appErrorOf(
      submitReading(db, submission(meter, "12300"), asCustomer(), undefined, NOW),
    );
    expect(error.code).toBe("READING_REFUSED");
    expect(error.status).toBe(422);
    expect(error.fields).toEqual({ "readings.0.index": "lower_than_previous" });
    expect(await selfRowsOf(meter.registerId)).toHaveLength(0);
  });

  it("holds 12,345 → 12,800 (455 > 360) for review in the metering queue with the reason", async () => {
    const meter = await freshMeter({});
    const receipt = await submitReading(
      db,
      submission(meter, "12800"),
      asCustomer(),
      undefined,
      NOW,
    );
    expect(receipt).toMatchObject({ status: "review", consumption: 455, flags: ["high"] });
    const [row] = await selfRowsOf(meter.registerId);
    expect(row!.status).toBe("review");
    expect(row!.reviewItemId).not.toBeNull();
    const [item] = await db
      .select({
        kind: workItems.kindCode,
        department: departments.code,
        description: workItems.description,
        subjectType: workItems.subjectType,
        subjectId: workItems.subjectId,
        customerUserId: workItems.customerUserId,
      })
      .from(workItems)
      .innerJoin(departments, eq(departments.id, workItems.departmentId))
      .where(eq(workItems.id, row!.reviewItemId!));
    expect(item).toMatchObject({
      kind: "reading_review",
      department: "metering",
      subjectType: "reading",
      subjectId: row!.id,
      customerUserId: customer.id,
    });
    expect(item!.description).toContain("high");
    expect(item!.description).toContain("12800");
  });

  it("treats 99,870 → 130 on a 5-dial meter as a rollover of 260, held for review", async () => {
    const meter = await freshMeter({ dials: 5, history: [99150, 99390, 99630, 99870] });
    const receipt = await submitReading(db, submission(meter, "130"), asCustomer(), undefined, NOW);
    expect(receipt).toMatchObject({ status: "review", consumption: 260, flags: ["rollover"] });
  });

  it("flags an unchanged index for review", async () => {
    const meter = await freshMeter({});
    const receipt = await submitReading(
      db,
      submission(meter, "12345"),
      asCustomer(),
      undefined,
      NOW,
    );
    expect(receipt).toMatchObject({ status: "review", consumption: 0, flags: ["zero"] });
  });

  it("refuses a serial that is not the contract's active meter", async () => {
    const meter = await freshMeter({});
    const error = await appErrorOf(
      submitReading(
        db,
        submission(meter, "12600", { meterSerial: "TST-0000-99999" }),
        asCustomer(),
        undefined,
        NOW,
      ),
    );
    expect(error.code).toBe("READING_REFUSED");
    expect(error.fields).toEqual({ meterSerial: "wrong_serial" });
    expect(await selfRowsOf(meter.registerId)).toHaveLength(0);
  });
});

describe("submitReading: input", () => {
  it("accepts an index typed in Arabic-Indic digits with the Arabic thousands separator", async () => {
    const meter = await freshMeter({});
    const receipt = await submitReading(
      db,
      submission(meter, "١٢٬٦٠٠"),
      asCustomer(),
      undefined,
      NOW,
    );
    expect(receipt).toMatchObject({ status: "accepted", consumption: 255 });
    expect((await selfRowsOf(meter.registerId))[0]!.index).toBe(12600);
  });

  it.each([
    ["12.5", "notWholeNumber"],
    ["-5", "notWholeNumber"],
    ["abc", "notWholeNumber"],
    ["1234567", "tooManyDigits"],
    ["  ", "required"],
  ])("refuses the index %j with %s and stores nothing", async (index, key) => {
    const meter = await freshMeter({});
    const error = await appErrorOf(
      submitReading(db, submission(meter, index), asCustomer(), undefined, NOW),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields).toEqual({ "readings.0.index": key });
    expect(await selfRowsOf(meter.registerId)).toHaveLength(0);
  });
});

describe("submitReading: idempotency and receipts", () => {
  it("stores one reading for a double submission with the same key, and replays the receipt", async () => {
    const meter = await freshMeter({});
    const input = submission(meter, "12600", { idempotencyKey: "double-click-1" });
    const first = await submitReading(db, input, asCustomer(), undefined, NOW);
    const second = await submitReading(db, input, asCustomer(), undefined, NOW);
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    const { replayed: _a, ...firstReceipt } = first;
    const { replayed: _b, ...secondReceipt } = second;
    expect(secondReceipt).toEqual(firstReceipt);
    expect(await selfRowsOf(meter.registerId)).toHaveLength(1);
  });

  it("stores one reading and one review item when a held reading is submitted twice at once", async () => {
    const meter = await freshMeter({});
    const input = submission(meter, "12800", { idempotencyKey: "race-1" });
    const [a, b] = await Promise.all([
      submitReading(db, input, asCustomer(), undefined, NOW),
      submitReading(db, input, asCustomer(), undefined, NOW),
    ]);
    expect(a.receiptNo).toBe(b.receiptNo);
    const rows = await selfRowsOf(meter.registerId);
    expect(rows).toHaveLength(1);
    const items = await db
      .select()
      .from(workItems)
      .where(and(eq(workItems.subjectType, "reading"), eq(workItems.subjectId, rows[0]!.id)));
    expect(items).toHaveLength(1);
  });

  it("checks the later of two concurrent submissions without a key against the first", async () => {
    const meter = await freshMeter({});
    const twice = () => submitReading(db, submission(meter, "12600"), asCustomer(), undefined, NOW);
    const outcomes = await Promise.allSettled([twice(), twice()]);
    // The first to commit counts; the other, checked again against it, is no later reading.
    const fulfilled = outcomes.filter((o) => o.status === "fulfilled");
    const rejected = outcomes.filter((o) => o.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(fulfilled[0]!.value).toMatchObject({ status: "accepted", consumption: 255 });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({
      code: "READING_REFUSED",
      fields: { readAt: "before_previous" },
    });
    expect(await selfRowsOf(meter.registerId)).toHaveLength(1);
  });

  it("answers CONFLICT to the same key with another body, and stores nothing more", async () => {
    const meter = await freshMeter({});
    await submitReading(
      db,
      submission(meter, "12600", { idempotencyKey: "reused-1" }),
      asCustomer(),
      undefined,
      NOW,
    );
    const error = await appErrorOf(
      submitReading(
        db,
        submission(meter, "12610", { idempotencyKey: "reused-1" }),
        asCustomer(),
        undefined,
        NOW,
      ),
    );
    expect(error.code).toBe("CONFLICT");
    expect(await selfRowsOf(meter.registerId)).toHaveLength(1);
  });

  it("numbers receipts without a gap across a refused submission", async () => {
    const meter = await freshMeter({});
    const first = await submitReading(db, submission(meter, "12600"), asCustomer(), undefined, NOW);
    await appErrorOf(
      submitReading(
        db,
        submission(meter, "12000", { readAt: new Date(READ_AT.getTime() + DAY).toISOString() }),
        asCustomer(),
        undefined,
        new Date(NOW.getTime() + DAY),
      ),
    );
    const second = await submitReading(
      db,
      submission(meter, "12610", { readAt: new Date(READ_AT.getTime() + DAY).toISOString() }),
      asCustomer(),
      undefined,
      new Date(NOW.getTime() + DAY),
    );
    const sequence = (receiptNo: string) => Number(receiptNo.split("-")[2]);
    expect(sequence(second.receiptNo)).toBe(sequence(first.receiptNo) + 1);
  });
});

describe("submitReading: windows", () => {
  it("stores a reading outside the window as outside_window, not used for billing", async () => {
    const meter = await freshMeter({});
    // 20 March: after the window around 5 March (2nd–7th); the next opens on 2 April.
    const readAt = new Date(Date.UTC(2026, 2, 20, 10));
    const receipt = await submitReading(
      db,
      submission(meter, "12700", { readAt: readAt.toISOString() }),
      asCustomer(),
      undefined,
      new Date(readAt.getTime() + 60_000),
    );
    expect(receipt).toMatchObject({ status: "outside_window", nextWindowOpens: "2026-04-02" });
    const [row] = await selfRowsOf(meter.registerId);
    expect(row).toMatchObject({ status: "outside_window", usedForBilling: false });
  });
});

describe("submitReading: access", () => {
  it("lets a guest submit with the right contract/serial pair", async () => {
    const meter = await freshMeter({});
    const receipt = await submitReading(
      db,
      submission(meter, "12600"),
      { guest: { ip: "198.51.100.7" }, locale: "ar" },
      undefined,
      NOW,
    );
    expect(receipt.status).toBe("accepted");
    const [row] = await selfRowsOf(meter.registerId);
    expect(row!.submittedBy).toBeNull();
  });

  it("gives a guest with a wrong serial the generic error, then throttles the contract", async () => {
    const meter = await freshMeter({});
    const guest: ReadingSubmitter = { guest: { ip: "198.51.100.8" }, locale: "fr" };
    for (let i = 0; i < 5; i++) {
      const error = await appErrorOf(
        submitReading(
          db,
          submission(meter, "12600", { meterSerial: `TST-0000-0000${i}` }),
          guest,
          undefined,
          NOW,
        ),
      );
      expect(error.code).toBe("CONTRACT_LINK_FAILED");
    }
    // Locked: even the right pair, from another address, is refused for now.
    const locked = await appErrorOf(
      submitReading(
        db,
        submission(meter, "12600"),
        { guest: { ip: "198.51.100.9" }, locale: "fr" },
        undefined,
        NOW,
      ),
    );
    expect(locked.code).toBe("RATE_LIMITED");
    // An unknown contract number gets the very same answer as a wrong serial.
    const unknown = await appErrorOf(
      submitReading(
        db,
        submission({ contractNo: "8999999999", serial: meter.serial }, "12600"),
        { guest: { ip: "198.51.100.10" }, locale: "fr" },
        undefined,
        NOW,
      ),
    );
    expect(unknown.code).toBe("CONTRACT_LINK_FAILED");
    expect(await selfRowsOf(meter.registerId)).toHaveLength(0);
  });

  it("answers NOT_FOUND to a customer submitting or reading for someone else's contract", async () => {
    const meter = await freshMeter({ owner: other });
    const submit = await appErrorOf(
      submitReading(db, submission(meter, "12600"), asCustomer(), undefined, NOW),
    );
    expect(submit.code).toBe("NOT_FOUND");
    const read = await appErrorOf(
      readingHistory(db, { userId: customer.id, contractNo: meter.contractNo }),
    );
    expect(read.code).toBe("NOT_FOUND");
    expect(await selfRowsOf(meter.registerId)).toHaveLength(0);
  });

  it("shows the owner the history newest first with stored consumption and billing use", async () => {
    const meter = await freshMeter({ dials: 5, history: [99150, 99390, 99630, 99870] });
    await submitReading(db, submission(meter, "130"), asCustomer(), undefined, NOW);
    const history = await readingHistory(db, { userId: customer.id, contractNo: meter.contractNo });
    expect(history.contractNo).toBe(meter.contractNo);
    expect(history.readings.map((r) => r.index)).toEqual([130, 99870, 99630, 99390, 99150]);
    expect(history.readings[0]).toMatchObject({
      source: "self",
      status: "review",
      consumption: 260,
      flags: ["rollover"],
      usedForBilling: true,
    });
    expect(history.readings[1]!.consumption).toBe(240);
    expect(await rowsOf(meter.registerId)).toHaveLength(5);
  });
});

describe("the demo schedule", () => {
  it("has the 5th of every month of the year before the seed's, its own and the next for each demo zone", async () => {
    const dates = await db
      .select({ date: readingSchedules.scheduledDate })
      .from(readingSchedules)
      .where(eq(readingSchedules.zone, "EJ-CENTRE"));
    // The year before is there so that the demo's year of bills has its reading dates.
    expect(dates).toHaveLength(36);
    expect(dates.every((d) => d.date.endsWith("-05"))).toBe(true);
  });
});
