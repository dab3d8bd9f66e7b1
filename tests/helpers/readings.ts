import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import {
  accountContracts,
  contracts,
  customers,
  meterRegisters,
  meters,
  premises,
  readings,
  type User,
} from "@/db/schema";
import { readingSubmissionSchema } from "@/lib/metering/schemas";
import { submitReading } from "@/lib/metering/submit-reading";

const DAY = 86_400_000;

/** A water meter's agent history: four accepted monthly readings, 240 m³ apart, from `t0`. */
const AGENT_HISTORY = [11625, 11865, 12105, 12345];

/**
 * A new contract of `customer` in `zone` with a six-dial water meter and an agent history from
 * `t0`, and a self-reading of `index` at `readAt` that the plausibility rules hold for review.
 * `prefix` keeps each test file's contract numbers and serials apart (five digits, three
 * letters); `n` numbers the contracts of one file.
 */
export async function createHeldReading(
  db: Db,
  options: {
    customer: User;
    zone: string;
    prefix: { contract: string; serial: string };
    n: number;
    t0: number;
    readAt: Date;
    now: Date;
    index?: string;
  },
): Promise<{ itemId: string; registerId: string }> {
  const { customer, zone, prefix, n, t0, readAt, now } = options;
  const contractNo = `${prefix.contract}${String(n).padStart(5, "0")}`;
  const serial = `${prefix.serial}-2026-${String(n).padStart(5, "0")}`;
  const [c] = await db
    .insert(customers)
    .values({ customerCode: `${prefix.serial[0]}${contractNo}`, name: "Review customer" })
    .returning();
  const [p] = await db
    .insert(premises)
    .values({ addressLine: "2 rue du Test", city: "El Jadida", zone })
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
    .values({ contractId: k!.id, serial, dials: 6, installedAt: "2020-01-01" })
    .returning();
  const [r] = await db.insert(meterRegisters).values({ meterId: m!.id }).returning();
  await db.insert(readings).values(
    AGENT_HISTORY.map((value, i) => ({
      registerId: r!.id,
      index: value,
      readAt: new Date(t0 + i * 30 * DAY),
      source: "agent" as const,
      status: "accepted" as const,
      consumption: i === 0 ? null : 240,
    })),
  );
  await db.insert(accountContracts).values({ userId: customer.id, contractId: k!.id });
  const receipt = await submitReading(
    db,
    readingSubmissionSchema.parse({
      contractNo,
      meterSerial: serial,
      readings: [{ register: "single", index: options.index ?? "12800" }],
      readAt: readAt.toISOString(),
    }),
    { userId: customer.id, locale: customer.locale },
    undefined,
    now,
  );
  expect(receipt.status).toBe("review");
  const [row] = await db
    .select()
    .from(readings)
    .where(and(eq(readings.registerId, r!.id), eq(readings.source, "self")));
  return { itemId: row!.reviewItemId!, registerId: r!.id };
}
