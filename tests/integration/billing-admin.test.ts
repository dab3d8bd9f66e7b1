import { and, count, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  auditLog,
  billLines,
  bills,
  billingRuns,
  contracts,
  paymentAllocations,
  payments,
  tariffs,
  tariffVersions,
  type User,
} from "@/db/schema";
import { BILLING_RUN_JOB, billingRunJobOptions, startBillingRun } from "@/lib/billing/admin-runs";
import {
  createTariffDraft,
  getTariffAdmin,
  lastBilledUntil,
  previewAgainstInForce,
  publishTariffVersion,
} from "@/lib/billing/admin-tariffs";
import type { TariffDefinition } from "@/lib/billing/engine/types";
import { importBills } from "@/lib/billing/import-bills";
import { cancelAndReissue } from "@/lib/billing/reissue";
import { startWorker, type Worker } from "@/scripts/worker";
import { createTestDatabase } from "../helpers/db";
import { appErrorOf, userByEmail } from "../helpers/workflow";

let db: Db;
let url: string;
let admin: User;
let billingClerk: User;
let meteringClerk: User;
let worker: Worker | undefined;

beforeAll(async () => {
  ({ db, url } = await createTestDatabase());
  admin = await userByEmail(db, "admin@wasla.example");
  billingClerk = await userByEmail(db, "billing@wasla.example");
  meteringClerk = await userByEmail(db, "clerk@wasla.example");
});

afterAll(async () => {
  await worker?.stop();
});

async function tariffByCode(code: string) {
  const [row] = await db.select().from(tariffs).where(eq(tariffs.code, code));
  return row!;
}

async function currentDefinition(tariffId: string): Promise<TariffDefinition> {
  const [row] = await db
    .select()
    .from(tariffVersions)
    .where(and(eq(tariffVersions.tariffId, tariffId), eq(tariffVersions.status, "published")))
    .orderBy(desc(tariffVersions.effectiveFrom))
    .limit(1);
  return structuredClone(row!.definition as TariffDefinition);
}

async function versionCount(tariffId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(tariffVersions)
    .where(eq(tariffVersions.tariffId, tariffId));
  return row!.n;
}

async function auditCount(action: string) {
  const [row] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action));
  return row!.n;
}

describe("tariff versions", () => {
  it("saves a draft, previews it next to the version in force, and publishes it audited", async () => {
    const tariff = await tariffByCode("MA-ELEC-RES");
    const definition = await currentDefinition(tariff.id);
    definition.blocks[0]!.price = "1.0010"; // +0.1000 MAD/kWh tax included on block 1
    const draft = await createTariffDraft(db, admin, {
      tariffId: tariff.id,
      effectiveFrom: "2027-03-01",
      definition,
      note: "test",
    });
    expect(draft.status).toBe("draft");

    const loaded = (await getTariffAdmin(db, { tariffId: tariff.id, today: "2026-11-22" }))!;
    const preview = previewAgainstInForce(loaded, draft.id)!;
    expect(preview.inForce!.effectiveFrom).toBe("2026-01-01");
    const byKwh = Object.fromEntries(preview.rows.map((r) => [r.consumption, r]));
    expect(Object.keys(byKwh)).toEqual(["50", "100", "150", "151", "210", "300", "600"]);
    // Progressive up to 150 kWh: block 1 is dearer by 0.10 a kWh, VAT included.
    expect(byKwh["50"]!.differenceMinor).toBe(500);
    expect(byKwh["100"]!.differenceMinor).toBe(1000);
    expect(byKwh["150"]!.differenceMinor).toBe(1000);
    // Selective above 150: the whole month at the price of the block reached, not block 1.
    expect(byKwh["151"]!.differenceMinor).toBe(0);
    expect(byKwh["600"]!.differenceMinor).toBe(0);
    expect(byKwh["50"]!.newTotalMinor).toBe(byKwh["50"]!.oldTotalMinor! + 500);

    const published = await publishTariffVersion(db, admin, { versionId: draft.id });
    expect(published.status).toBe("published");
    expect(published.publishedBy).toBe(admin.id);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "tariff_version.publish"), eq(auditLog.entityId, draft.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(admin.id);

    // Published means frozen: publishing twice is refused, and the database refuses edits.
    const again = await appErrorOf(publishTariffVersion(db, admin, { versionId: draft.id }));
    expect(again.fields).toEqual({ _form: "alreadyPublished" });
  });

  it("refuses overlapping blocks, negative prices and backdated versions, changing nothing", async () => {
    const tariff = await tariffByCode("MA-WATER-RES");
    const before = await versionCount(tariff.id);
    const audits = await auditCount("tariff_version.draft");
    const until = await lastBilledUntil(db, tariff.id);
    expect(until).toBeDefined();

    const overlap = await currentDefinition(tariff.id);
    overlap.blocks[1]!.from = "4"; // block 2 starts inside block 1 (0–6)
    const e1 = await appErrorOf(
      createTariffDraft(db, admin, {
        tariffId: tariff.id,
        effectiveFrom: "2027-06-01",
        definition: overlap,
      }),
    );
    expect(e1.code).toBe("VALIDATION_FAILED");
    expect(e1.fields).toMatchObject({ "blocks.1.from": "BLOCKS_OVERLAP" });

    const negative = await currentDefinition(tariff.id);
    negative.blocks[2]!.price = "-1.00";
    const e2 = await appErrorOf(
      createTariffDraft(db, admin, {
        tariffId: tariff.id,
        effectiveFrom: "2027-06-01",
        definition: negative,
      }),
    );
    expect(e2.fields).toMatchObject({ "blocks.2.price": "NEGATIVE_PRICE" });

    // Before the last billed period's end: it would re-price bills already issued.
    const e3 = await appErrorOf(
      createTariffDraft(db, admin, {
        tariffId: tariff.id,
        effectiveFrom: "2026-06-01",
        definition: await currentDefinition(tariff.id),
      }),
    );
    expect(e3.fields).toEqual({ effectiveFrom: "BACKDATED" });

    const e4 = await appErrorOf(
      createTariffDraft(db, admin, {
        tariffId: tariff.id,
        effectiveFrom: "2027-06-01",
        definition: null,
      }),
    );
    expect(e4.fields).toEqual({ definitionJson: "badJson" });

    // Only administrators manage tariffs.
    const e5 = await appErrorOf(
      createTariffDraft(db, billingClerk, {
        tariffId: tariff.id,
        effectiveFrom: "2027-06-01",
        definition: await currentDefinition(tariff.id),
      }),
    );
    expect(e5.code).toBe("FORBIDDEN");

    expect(await versionCount(tariff.id)).toBe(before);
    expect(await auditCount("tariff_version.draft")).toBe(audits);
  });

  it("re-checks a draft at publication: a bill issued since makes it backdated", async () => {
    const tariff = await tariffByCode("MA-SAN-RES");
    const until = (await lastBilledUntil(db, tariff.id))!;
    const draft = await createTariffDraft(db, admin, {
      tariffId: tariff.id,
      effectiveFrom: until,
      definition: await currentDefinition(tariff.id),
    });
    // A later bill for a water contract (which also pays sanitation) moves the billed end on.
    const [water] = await db.select().from(contracts).where(eq(contracts.contractNo, "2000000101"));
    const [last] = await db
      .select()
      .from(bills)
      .where(and(eq(bills.contractId, water!.id), eq(bills.status, "issued")))
      .orderBy(desc(bills.periodEnd))
      .limit(1);
    const later = new Date(`${last!.periodEnd}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 30);
    const csv = [
      "contractNo,billNo,periodStart,periodEnd,consumption,unit,totalBeforeTax,tax,total,currency,dueDate,readingType",
      `2000000101,SAN-LATE-1,${last!.periodEnd},${later.toISOString().slice(0, 10)},10,m3,50.00,0,50.00,MAD,2027-01-15,estimated`,
    ].join("\n");
    expect((await importBills(db, admin, csv)).ok).toBe(true);
    const error = await appErrorOf(publishTariffVersion(db, admin, { versionId: draft.id }));
    expect(error.fields).toEqual({ effectiveFrom: "BACKDATED" });
    const [still] = await db.select().from(tariffVersions).where(eq(tariffVersions.id, draft.id));
    expect(still!.status).toBe("draft");
  });
});

async function latestBill(contractNo: string) {
  const [contract] = await db.select().from(contracts).where(eq(contracts.contractNo, contractNo));
  const [bill] = await db
    .select()
    .from(bills)
    .where(and(eq(bills.contractId, contract!.id), eq(bills.status, "issued")))
    .orderBy(desc(bills.periodEnd))
    .limit(1);
  return bill!;
}

describe("cancel and reissue", () => {
  it("cancels the bill and issues one replacement in one step, both audited and linked", async () => {
    const old = await latestBill("1000000102");
    const now = new Date("2026-11-22T10:00:00Z");
    const result = await cancelAndReissue(
      db,
      billingClerk,
      { billId: old.id, reason: "Index misread by the agent" },
      { now },
    );
    const [cancelled] = await db.select().from(bills).where(eq(bills.id, old.id));
    expect(cancelled).toMatchObject({
      status: "cancelled",
      cancelledBy: billingClerk.id,
      cancelReason: "Index misread by the agent",
    });
    const replacements = await db.select().from(bills).where(eq(bills.replacesBillId, old.id));
    expect(replacements).toHaveLength(1);
    const replacement = replacements[0]!;
    expect(replacement).toMatchObject({
      id: result.replacement.billId,
      status: "issued",
      source: "reissue",
      periodStart: old.periodStart,
      periodEnd: old.periodEnd,
      contractId: old.contractId,
    });
    expect(replacement.billNo).not.toBe(old.billNo);
    expect(replacement.paymentReference).not.toBe(old.paymentReference);
    const lines = await db.select().from(billLines).where(eq(billLines.billId, replacement.id));
    expect(lines.reduce((s, l) => s + l.totalMinor, 0)).toBe(replacement.totalMinor);
    const audit = await db
      .select({ action: auditLog.action, entityId: auditLog.entityId })
      .from(auditLog)
      .where(sql`${auditLog.entityId} in (${old.id}, ${replacement.id})`);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "bill.cancel", entityId: old.id },
        { action: "bill.issue", entityId: replacement.id },
      ]),
    );
  });

  it("refuses to cancel a cancelled bill, and changes nothing", async () => {
    const [cancelled] = await db.select().from(bills).where(eq(bills.status, "cancelled")).limit(1);
    const before = await db.select({ n: count() }).from(bills);
    const error = await appErrorOf(
      cancelAndReissue(db, billingClerk, { billId: cancelled!.id, reason: "second time" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.fields).toEqual({ _form: "alreadyCancelled" });
    expect(await db.select({ n: count() }).from(bills)).toEqual(before);
  });

  it("refuses a bill with payments allocated, an earlier bill, a short reason and a metering clerk", async () => {
    const bill = await latestBill("1000000105");
    const [payment] = await db
      .insert(payments)
      .values({
        provider: "counter",
        providerRef: "TEST-REISSUE-1",
        contractId: bill.contractId,
        amountMinor: 1000,
        currency: bill.currency,
        status: "succeeded",
        receivedAt: new Date(),
      })
      .returning();
    await db.insert(paymentAllocations).values({
      paymentId: payment!.id,
      billId: bill.id,
      amountMinor: 1000,
    });
    const paid = await appErrorOf(
      cancelAndReissue(db, billingClerk, { billId: bill.id, reason: "wrong tariff" }),
    );
    expect(paid.fields).toEqual({ _form: "hasPayments" });

    // An earlier bill without payments: the later ones start from its indexes.
    const [earlier] = await db
      .select()
      .from(bills)
      .where(
        and(
          eq(bills.status, "issued"),
          sql`${bills.periodEnd} < (select max(b2.period_end) from bills b2
                where b2.contract_id = ${bills.contractId} and b2.status = 'issued')`,
          sql`not exists (select 1 from payment_allocations pa where pa.bill_id = ${bills.id})`,
        ),
      )
      .limit(1);
    const notLatest = await appErrorOf(
      cancelAndReissue(db, billingClerk, { billId: earlier!.id, reason: "wrong tariff" }),
    );
    expect(notLatest.fields).toEqual({ _form: "notLatest" });

    const short = await appErrorOf(
      cancelAndReissue(db, billingClerk, { billId: bill.id, reason: "x" }),
    );
    expect(short.code).toBe("VALIDATION_FAILED");

    const forbidden = await appErrorOf(
      cancelAndReissue(db, meteringClerk, { billId: bill.id, reason: "wrong tariff" }),
    );
    expect(forbidden.code).toBe("FORBIDDEN");

    const [unchanged] = await db.select().from(bills).where(eq(bills.id, bill.id));
    expect(unchanged!.status).toBe("issued");
  });
});

const HEADER =
  "contractNo,billNo,periodStart,periodEnd,consumption,unit,totalBeforeTax,tax,total,currency,dueDate,readingType,previousIndex,newIndex";

describe("CSV import of bills", () => {
  it("imports a good file: our own numbers and references, the external number kept", async () => {
    const before = await db.select({ n: count() }).from(bills);
    const csv = [
      HEADER,
      "1000000101,OLD-2024-001,2024-01-01,2024-02-01,180,kWh,162.00,32.40,194.40,MAD,2024-02-15,agent,10000,10180",
      '1000000101,"OLD-2024-002",2024-02-01,2024-03-01,150,kWh,135.00,27.00,162.00,MAD,2024-03-15,self,10180,10330',
      "2000000101,OLD-W-2024-001,2024-01-01,2024-02-01,12.5,m3,60.00,0,60.00,MAD,2024-02-15,estimated,,",
    ].join("\r\n");
    const result = await importBills(db, billingClerk, csv, {
      now: new Date("2026-11-22T10:00:00Z"),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.imported).toHaveLength(3);
    const rows = await db.select().from(bills).where(eq(bills.source, "import"));
    const first = rows.find((b) => b.externalRef === "OLD-2024-001")!;
    expect(first).toMatchObject({
      status: "issued",
      totalBeforeTaxMinor: 16200,
      taxMinor: 3240,
      totalMinor: 19440,
      previousIndex: 10000,
      newIndex: 10180,
      days: 31,
      readingType: "agent",
    });
    expect(first.billNo).toMatch(/^FA-2026-\d{6}$/);
    expect(first.paymentReference).toMatch(/^\d{12}$/);
    const lines = await db.select().from(billLines).where(eq(billLines.billId, first.id));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ totalMinor: 19440, code: "imported_summary" });
    expect(await db.select({ n: count() }).from(bills)).toEqual([{ n: before[0]!.n + 3 }]);
    expect(await auditCount("bill.import")).toBeGreaterThanOrEqual(3);

    // The same file again: every row is already imported, nothing is added.
    const again = await importBills(db, billingClerk, csv);
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(again.errors.map((e) => e.code)).toEqual([
        "ALREADY_IMPORTED",
        "ALREADY_IMPORTED",
        "ALREADY_IMPORTED",
      ]);
  });

  it("imports nothing from a file with one bad row, and names every bad row", async () => {
    const before = await db.select({ n: count() }).from(bills);
    const live = await latestBill("1000000103");
    const csv = [
      HEADER,
      "1000000103,OK-1,2023-01-01,2023-02-01,100,kWh,90.00,18.00,108.00,MAD,2023-02-15,agent,,",
      "9999999999,BAD-1,2023-01-01,2023-02-01,100,kWh,90.00,18.00,108.00,MAD,2023-02-15,agent,,",
      `1000000103,BAD-2,${live.periodStart},${live.periodEnd},100,kWh,90.00,18.00,108.00,MAD,2027-01-15,agent,,`,
      "1000000103,BAD-3,2023-02-01,2023-03-01,100,m3,90.00,18.00,108.00,MAD,2023-03-15,agent,,",
      "1000000103,BAD-4,2023-03-01,2023-04-01,100,kWh,90.00,18.00,100.00,MAD,2023-04-15,agent,,",
      "1000000103,BAD-5,2023-04-01,2023-05-01,100,kWh,90.001,18.00,108.00,MAD,2023-05-15,agent,,",
    ].join("\n");
    const result = await importBills(db, billingClerk, csv);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 6, column: "total", code: "TOTAL_MISMATCH" },
        { line: 7, column: "totalBeforeTax", code: "BAD_AMOUNT" },
      ],
    });
    // The file-level checks pass once those two are fixed; the database checks come next.
    const fixed = csv
      .split("\n")
      .filter((_, i) => i < 5)
      .join("\n");
    const second = await importBills(db, billingClerk, fixed);
    expect(second).toEqual({
      ok: false,
      errors: [
        { line: 3, column: "contractNo", code: "UNKNOWN_CONTRACT" },
        { line: 4, column: "periodStart", code: "ALREADY_BILLED" },
        { line: 5, column: "unit", code: "UNIT_MISMATCH" },
      ],
    });
    expect(await db.select({ n: count() }).from(bills)).toEqual(before);
    const imported = await db.select().from(bills).where(eq(bills.externalRef, "OK-1"));
    expect(imported).toEqual([]);
  });

  it("refuses empty, oversized and hostile files, storing nothing", async () => {
    const before = await db.select({ n: count() }).from(bills);
    expect(await importBills(db, admin, "")).toEqual({
      ok: false,
      errors: [{ line: 0, code: "EMPTY_FILE" }],
    });
    const huge = `${HEADER}\n${"1000000101,X,2023-01-01,2023-02-01,1,kWh,1,0,1,MAD,2023-02-15,agent,,\n".repeat(75_000)}`;
    expect(Buffer.byteLength(huge)).toBeGreaterThan(5_000_000);
    expect(await importBills(db, admin, huge)).toEqual({
      ok: false,
      errors: [{ line: 0, code: "TOO_LARGE" }],
    });
    const hostile = [
      HEADER,
      "=cmd|' /C calc'!A0,H-1,2023-01-01,2023-02-01,1,kWh,1,0,1,MAD,2023-02-15,agent,,",
      "1000000101,<img src=x onerror=alert(1)>,2023-01-01,2023-02-01,1,kWh,1,0,1,MAD,2023-02-15,agent,,",
      "1000000101,H-3,2023-01-01,2023-02-01,1,kWh,1,0,1,MAD,2023-02-15,@SUM(A1),,",
      "1000000101,H-4,2023-01-01,2023-02-01,1,kWh,+1,0,1,MAD,2023-02-15,agent,,",
    ].join("\n");
    const result = await importBills(db, admin, hostile);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        { line: 2, column: "contractNo", code: "UNSAFE_CELL" },
        { line: 3, column: "billNo", code: "UNSAFE_CELL" },
        { line: 4, column: "readingType", code: "UNSAFE_CELL" },
        { line: 5, column: "totalBeforeTax", code: "UNSAFE_CELL" },
      ]);
    const forbidden = await appErrorOf(importBills(db, meteringClerk, `${HEADER}\n`));
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(await db.select({ n: count() }).from(bills)).toEqual(before);
  });
});

describe("billing runs on the worker", () => {
  it("keeps a run queued and says so when its job cannot be sent", async () => {
    const error = await appErrorOf(
      startBillingRun(
        db,
        billingClerk,
        { cycle: "2027-04-01", zone: null },
        {
          send: async () => {
            throw new Error("no queue");
          },
        },
      ),
    );
    expect(error.code).toBe("UNAVAILABLE");
    const [run] = await db.select().from(billingRuns).where(eq(billingRuns.cycle, "2027-04-01"));
    expect(run!.status).toBe("queued");
  });

  it("bills a run started from the back office on the worker's billing-run job", async () => {
    worker = await startWorker({ databaseUrl: url, outboxPollMs: null, jobPollSeconds: 1 });
    const { run } = await startBillingRun(
      db,
      billingClerk,
      { cycle: "2026-12-01", zone: null },
      {
        send: async (runId) => {
          await worker!.boss.send(BILLING_RUN_JOB, { runId }, billingRunJobOptions(runId));
        },
      },
    );
    expect(run.startedBy).toBe(billingClerk.id);
    let status = run.status;
    for (let i = 0; i < 150 && status !== "done" && status !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const [row] = await db.select().from(billingRuns).where(eq(billingRuns.id, run.id));
      status = row!.status;
    }
    const [done] = await db.select().from(billingRuns).where(eq(billingRuns.id, run.id));
    expect(done!.status).toBe("done");
    expect(done!.contractsDone).toBe(done!.contractsTotal);
    expect(done!.contractsTotal).toBeGreaterThan(0);
  });
});
