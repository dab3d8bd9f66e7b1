import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  auditLog,
  billLines,
  bills,
  contracts,
  readings,
  meters,
  meterRegisters,
} from "@/db/schema";
import { createBillingRun, processBillingRun } from "@/lib/billing/billing-run";
import { billContract, luhnDigit, newPaymentReference } from "@/lib/billing/bill-contract";
import { contractStatement, getBillDetail, listCustomerBills } from "@/lib/billing/queries";
import { createTestDatabase } from "../helpers/db";
import { pgErrorOf } from "../helpers/db";
import { userByEmail } from "../helpers/workflow";

let db: Db;
const system = { kind: "system", label: "test" } as const;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
});

async function billCount(where?: ReturnType<typeof eq>) {
  const [row] = await db.select({ n: count() }).from(bills).where(where);
  return row!.n;
}

describe("the demo's year of bills", () => {
  it("has one bill per contract and period, lines that add up to the total", async () => {
    const perContract = await db.execute<{ contract_no: string; n: number; periods: number }>(sql`
      select c.contract_no, count(*)::int as n, count(distinct b.period_start)::int as periods
      from bills b join contracts c on c.id = b.contract_id group by 1 order by 1`);
    expect(perContract.rows.length).toBe(9);
    for (const row of perContract.rows) {
      expect(row.n).toBe(12);
      expect(row.periods).toBe(12);
    }
    const mismatched = await db.execute(sql`
      select b.bill_no from bills b
      join bill_lines l on l.bill_id = b.id
      group by b.id having sum(l.total_minor) <> b.total_minor
        or sum(l.amount_minor) <> b.total_before_tax_minor or sum(l.tax_minor) <> b.tax_minor`);
    expect(mismatched.rows).toEqual([]);
  });

  it("chains periods: each bill starts where the previous ended, at the previous index", async () => {
    const gaps = await db.execute(sql`
      select b.bill_no from bills b
      join lateral (select * from bills p where p.contract_id = b.contract_id
        and p.period_end <= b.period_start order by p.period_end desc limit 1) p on true
      where p.period_end <> b.period_start or p.new_index <> b.previous_index`);
    expect(gaps.rows).toEqual([]);
  });

  it("bills water contracts for sanitation on the same volume", async () => {
    const [water] = await db.select().from(contracts).where(eq(contracts.contractNo, "2000000101"));
    const services = await db.execute<{ service: string }>(sql`
      select distinct l.service from bill_lines l join bills b on b.id = l.bill_id
      where b.contract_id = ${water!.id} order by 1`);
    expect(services.rows.map((r) => r.service).sort()).toEqual(["sanitation", "water"]);
  });
});

describe("billing runs", () => {
  it("creates nothing when a cycle already billed runs again", async () => {
    const before = await billCount();
    const { run } = await createBillingRun(db, { cycle: "2026-11-01", actor: system });
    const done = await processBillingRun(db, run.id, { now: new Date("2026-11-15T10:00:00Z") });
    expect(done.status).toBe("done");
    expect(done.billsCreated).toBe(0);
    expect(done.contractsDone).toBe(done.contractsTotal);
    expect(done.skipped).toBe(done.contractsTotal);
    expect(await billCount()).toBe(before);
  });

  it("returns the open run instead of a second one on a double click", async () => {
    const first = await createBillingRun(db, { cycle: "2026-12-01", actor: system });
    const second = await createBillingRun(db, { cycle: "2026-12-17", actor: system });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.run.id).toBe(first.run.id);
  });

  it("estimates a period without a reading, then regularises with the next real one", async () => {
    const [contract] = await db
      .select()
      .from(contracts)
      .where(eq(contracts.contractNo, "1000000103"));
    const [register] = await db
      .select({ id: meterRegisters.id })
      .from(meterRegisters)
      .innerJoin(meters, eq(meters.id, meterRegisters.meterId))
      .where(eq(meters.contractId, contract!.id));
    const december = await billContract(db, {
      contractId: contract!.id,
      cycle: "2026-12-01",
      now: new Date("2026-12-07T09:00:00Z"),
      actor: system,
    });
    expect(december).toMatchObject({ kind: "created", estimated: true });
    const [estimated] = await db
      .select()
      .from(bills)
      .where(eq(bills.id, (december as { billId: string }).billId));
    expect(estimated!.readingType).toBe("estimated");
    expect(estimated!.estimateBasis).toBe("average_last_two");
    expect(Number(estimated!.consumption)).toBeGreaterThan(0);

    // January's real reading: the estimate was low, the real index much higher.
    const realIndex = estimated!.newIndex! + 400;
    await db.insert(readings).values({
      registerId: register!.id,
      index: realIndex,
      readAt: new Date("2027-01-05T09:30:00Z"),
      source: "agent",
      status: "accepted",
    });
    // A schedule for January 2027 exists in the seed (current and next year).
    const january = await billContract(db, {
      contractId: contract!.id,
      cycle: "2027-01-01",
      now: new Date("2027-01-07T09:00:00Z"),
      actor: system,
    });
    expect(january).toMatchObject({ kind: "created", estimated: false });
    const [real] = await db
      .select()
      .from(bills)
      .where(eq(bills.id, (january as { billId: string }).billId));
    const explanation = real!.explanation as {
      regularised?: { billNo: string; actualConsumption: string }[];
    };
    expect(explanation.regularised?.[0]?.billNo).toBe(estimated!.billNo);
    // The catch-up is spread by days over both periods instead of landing on January alone.
    const total = realIndex - estimated!.previousIndex!;
    const januaryShare = Number(real!.consumption);
    const decemberShare = Number(explanation.regularised![0]!.actualConsumption);
    expect(januaryShare + decemberShare).toBeCloseTo(total, 3);
    expect(Math.abs(januaryShare / real!.days - decemberShare / estimated!.days)).toBeLessThan(
      0.05,
    );
    const regularisation = await db
      .select()
      .from(billLines)
      .where(and(eq(billLines.billId, real!.id), eq(billLines.kind, "regularisation")));
    expect(regularisation.length).toBe(1);
    expect(regularisation[0]!.totalMinor).toBeGreaterThan(0);
  });

  it("writes an audit row for every bill issued", async () => {
    const [issued] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, "bill.issue"));
    expect(issued!.n).toBe(await billCount());
  });
});

describe("bill lines and tariff versions are frozen", () => {
  it("refuses to edit a bill line", async () => {
    const error = await pgErrorOf(db.execute(sql`update bill_lines set amount_minor = 0`));
    expect(error.message).toMatch(/immutable/);
  });
  it("refuses to edit or delete a published tariff version", async () => {
    const error = await pgErrorOf(db.execute(sql`update tariff_versions set note = 'x'`));
    expect(error.message).toMatch(/published/);
    const deletion = await pgErrorOf(db.execute(sql`delete from tariff_versions`));
    expect(deletion.message).toMatch(/published/);
  });
});

describe("who sees a bill", () => {
  it("lists only the customer's own bills and hides another's bill as null", async () => {
    const fatima = await userByEmail(db, "customer@wasla.example");
    const mine = await listCustomerBills(db, { userId: fatima.id, today: "2026-11-15" });
    expect(mine.length).toBeGreaterThan(0);
    const [other] = await db
      .select({ id: bills.id })
      .from(bills)
      .innerJoin(contracts, eq(contracts.id, bills.contractId))
      .where(eq(contracts.contractNo, "1000000106"))
      .limit(1);
    expect(mine.some((b) => b.id === other!.id)).toBe(false);
    expect(
      await getBillDetail(db, {
        billId: other!.id,
        access: { userId: fatima.id },
        today: "2026-11-15",
      }),
    ).toBeNull();
    expect(
      await getBillDetail(db, {
        billId: "not-a-uuid",
        access: { userId: fatima.id },
        today: "2026-11-15",
      }),
    ).toBeNull();
    const detail = await getBillDetail(db, {
      billId: mine[0]!.id,
      access: { userId: fatima.id },
      today: "2026-11-15",
    });
    expect(detail?.lines.length).toBeGreaterThan(0);
    expect(detail?.history.length).toBe(12);
  });

  it("shows paid and unpaid bills as the demo paid them", async () => {
    const fatima = await userByEmail(db, "customer@wasla.example");
    const mine = await listCustomerBills(db, { userId: fatima.id, today: "2026-11-15" });
    const statuses = new Set(mine.map((b) => b.paymentStatus));
    expect(statuses.has("paid")).toBe(true);
    expect([...statuses].some((s) => s === "unpaid" || s === "overdue")).toBe(true);
  });
});

describe("payment references", () => {
  it("carry a Luhn check digit", () => {
    const ref = newPaymentReference();
    expect(ref).toMatch(/^\d{12}$/);
    expect(luhnDigit(ref.slice(0, 11))).toBe(ref[11]);
    expect(luhnDigit("7992739871")).toBe("3");
  });
});

describe("account statement", () => {
  it("runs a balance that ends at what is still owed, from an opening balance", async () => {
    const fatima = await userByEmail(db, "customer@wasla.example");
    const [water] = await db.select().from(contracts).where(eq(contracts.contractNo, "2000000101"));
    const owed = (
      await listCustomerBills(db, { userId: fatima.id, today: "2026-11-15", contractId: water!.id })
    ).reduce((s, b) => s + b.amountDueMinor, 0);
    const whole = await contractStatement(db, {
      access: { userId: fatima.id },
      contractId: water!.id,
      from: "2020-01-01",
      to: "2026-12-31",
    });
    expect(whole!.openingMinor).toBe(0);
    expect(whole!.closingMinor).toBe(owed);
    let balance = 0;
    for (const row of whole!.rows) {
      balance += row.debitMinor - row.creditMinor;
      expect(row.balanceMinor).toBe(balance);
    }
    // A shorter range starts from the balance of everything before it.
    const recent = await contractStatement(db, {
      access: { userId: fatima.id },
      contractId: water!.id,
      from: "2026-06-01",
      to: "2026-12-31",
    });
    expect(recent!.openingMinor).toBe(
      whole!.rows.filter((r) => r.date < "2026-06-01").at(-1)?.balanceMinor ?? 0,
    );
    expect(recent!.closingMinor).toBe(owed);
    // Another customer's contract has no statement for her.
    const [other] = await db.select().from(contracts).where(eq(contracts.contractNo, "1000000106"));
    expect(
      await contractStatement(db, {
        access: { userId: fatima.id },
        contractId: other!.id,
        from: "2020-01-01",
        to: "2026-12-31",
      }),
    ).toBeNull();
  });
});
