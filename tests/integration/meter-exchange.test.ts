import { and, eq, sql } from "drizzle-orm";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { ExchangeForm } from "@/app/[locale]/(backoffice)/backoffice/meter-exchange/exchange-form";
import type { Db } from "@/db/client";
import {
  accountContracts,
  auditLog,
  bills,
  contracts,
  contractTariffs,
  customers,
  meterExchanges,
  meterRegisters,
  meters,
  premises,
  readings,
  workItems,
  type User,
} from "@/db/schema";
import { seedMeteringSchedule } from "@/db/seed/metering";
import { billContract } from "@/lib/billing/bill-contract";
import { billDocument } from "@/lib/billing/documents";
import { billDetailSchema } from "@/lib/api/schemas";
import { presentBillDetail } from "@/lib/billing/api";
import { meterSwapRows } from "@/lib/billing/present";
import { getBillDetail } from "@/lib/billing/queries";
import { priceConsumption } from "@/lib/billing/engine/price";
import { loadTariffVersions } from "@/lib/billing/tariff-store";
import { renderBillPdfBuffer } from "@/lib/documents/bill-pdf";
import { pdfText } from "@/lib/documents/pdf-text";
import { getAccountContract, listContractReadings } from "@/lib/contracts/queries";
import { MESSAGES } from "@/lib/i18n/messages";
import { LOCALES } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { meterExchangeSchema, type MeterExchangeForm } from "@/lib/metering/exchange-schema";
import {
  findContractForExchange,
  listContractExchanges,
  recordMeterExchange,
} from "@/lib/metering/meter-exchange";
import { readingSubmissionSchema } from "@/lib/metering/schemas";
import { submitReading } from "@/lib/metering/submit-reading";
import { getUtility } from "@/lib/utility/get-utility";
import { createTestDatabase } from "../helpers/db";
import { renderWithIntl } from "../helpers/render-intl";
import { appErrorOf, userByEmail } from "../helpers/workflow";

let db: Db;
let clerk: User;
let billingClerk: User;
let customer: User;
let other: User;

const ZONE = "MX-TEST";
const DAY = 86_400_000;
// Four agent readings 30 days apart, 240 each (8 a day): the last is 12,345 on 4 February 2026.
const T0 = Date.UTC(2025, 10, 6, 10);
const HISTORY = [11625, 11865, 12105, 12345];
const LAST_READ_AT = new Date(T0 + 90 * DAY);
// The swap: 16 days later, 120 more on the old meter; the new meter starts at 50.
const SWAP_DAY = "2026-02-20";
const SWAP_NOW = new Date("2026-02-20T12:00:00Z");
// The customer's first reading of the new meter, 30 days after the last one of the old: 120
// more on the new meter, so 240 in all — the usual 8 a day.
const READ_AT = new Date(LAST_READ_AT.getTime() + 30 * DAY);
const READ_NOW = new Date(READ_AT.getTime() + 3_600_000);

let contractNo: string;
let contractId: string;
let oldMeterId: string;
let oldRegisterId: string;
let oldSerial: string;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  clerk = await userByEmail(db, "clerk@wasla.example");
  billingClerk = await userByEmail(db, "billing@wasla.example");
  customer = await userByEmail(db, "customer@wasla.example");
  other = await userByEmail(db, "youssef@wasla.example");
  await seedMeteringSchedule(db, [ZONE], new Date("2026-01-10T00:00:00Z"));

  contractNo = "9100000001";
  oldSerial = "MX-2020-00001";
  const [c] = await db
    .insert(customers)
    .values({ customerCode: "MX0001", name: "Client échange" })
    .returning();
  const [p] = await db
    .insert(premises)
    .values({ addressLine: "3 rue des Compteurs", city: "El Jadida", zone: ZONE })
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
  contractId = k!.id;
  const [m] = await db
    .insert(meters)
    .values({ contractId, serial: oldSerial, dials: 6, installedAt: "2020-01-01" })
    .returning();
  oldMeterId = m!.id;
  const [r] = await db.insert(meterRegisters).values({ meterId: oldMeterId }).returning();
  oldRegisterId = r!.id;
  await db.insert(readings).values(
    HISTORY.map((index, i) => ({
      registerId: oldRegisterId,
      index,
      readAt: new Date(T0 + i * 30 * DAY),
      source: "agent" as const,
      status: "accepted" as const,
    })),
  );
  await db.insert(accountContracts).values({ userId: customer.id, contractId });
  // Priced like the demo's water contract (water and sanitation tariffs).
  const [demo] = await db.select().from(contracts).where(eq(contracts.contractNo, "2000000101"));
  const tariffs = await db
    .select({ tariffId: contractTariffs.tariffId })
    .from(contractTariffs)
    .where(eq(contractTariffs.contractId, demo!.id));
  expect(tariffs.length).toBeGreaterThan(0);
  await db
    .insert(contractTariffs)
    .values(tariffs.map((t) => ({ contractId, tariffId: t.tariffId })));
});

/** The form as the browser posts it, through the shared schema, as the action parses it. */
function form(overrides: Partial<MeterExchangeForm> = {}) {
  return meterExchangeSchema.parse({
    contractNo,
    oldMeterId,
    exchangedOn: SWAP_DAY,
    // Arabic-Indic digits, as an Arabic keyboard types them: 12,465 with the Arabic separator.
    final_single: "١٢٬٤٦٥",
    newSerial: "mx-2026-00042",
    newDials: "٦",
    initial_single: "٥٠",
    ...overrides,
  });
}

/** Another contract of the customer in the zone, its meter with the same history. */
async function anotherContract(number: string, serial: string): Promise<string> {
  const [c] = await db.select().from(contracts).where(eq(contracts.id, contractId));
  const [k] = await db
    .insert(contracts)
    .values({
      contractNo: number,
      customerId: c!.customerId,
      premiseId: c!.premiseId,
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
    HISTORY.map((index, i) => ({
      registerId: r!.id,
      index,
      readAt: new Date(T0 + i * 30 * DAY),
      source: "agent" as const,
      status: "accepted" as const,
    })),
  );
  await db.insert(accountContracts).values({ userId: customer.id, contractId: k!.id });
  const tariffs = await db
    .select({ tariffId: contractTariffs.tariffId })
    .from(contractTariffs)
    .where(eq(contractTariffs.contractId, contractId));
  await db
    .insert(contractTariffs)
    .values(tariffs.map((t) => ({ contractId: k!.id, tariffId: t.tariffId })));
  return m!.id;
}

/** Everything an exchange writes, to show a refused one wrote nothing. */
async function snapshot() {
  const { rows } = await db.execute(sql`select
      (select count(*)::int from meters) as meters,
      (select count(*)::int from meter_registers) as registers,
      (select count(*)::int from readings) as readings,
      (select count(*)::int from meter_exchanges) as exchanges,
      (select count(*)::int from audit_log) as audit,
      (select row_to_json(m) from (select active, removed_at from meters where id = ${oldMeterId}) m) as old`);
  return rows[0];
}

const billingActor = { kind: "system", label: "test" } as const;

describe("meter exchange: refusals change nothing", () => {
  // A bill for February on the old meter, before the swap: March's will span both meters.
  it("bills February on the old meter first", async () => {
    const february = await billContract(db, {
      contractId,
      cycle: "2026-02-01",
      now: new Date("2026-02-06T09:00:00Z"),
      actor: billingActor,
    });
    expect(february).toMatchObject({ kind: "created", estimated: false });
    const [bill] = await db
      .select()
      .from(bills)
      .where(eq(bills.id, (february as { billId: string }).billId));
    expect(bill!.meterId).toBe(oldMeterId);
    expect(bill!.newIndex).toBe(12345);
    expect(Number(bill!.consumption)).toBe(240);
  });

  it.each<[string, () => Promise<unknown>, string, Record<string, string> | undefined]>([
    [
      "a final index below the last reading",
      () => recordMeterExchange(db, clerk, form({ final_single: "12344" }), undefined, SWAP_NOW),
      "VALIDATION_FAILED",
      { final_single: "finalBelowLast" },
    ],
    [
      "a serial another meter carries (typed with spaces, in lower case)",
      () =>
        recordMeterExchange(db, clerk, form({ newSerial: "mx 2020 00001" }), undefined, SWAP_NOW),
      "VALIDATION_FAILED",
      { newSerial: "serialTaken" },
    ],
    [
      "an unknown contract",
      () => recordMeterExchange(db, clerk, form({ contractNo: "9199999999" }), undefined, SWAP_NOW),
      "NOT_FOUND",
      { contractNo: "contractNotFound" },
    ],
    [
      "a clerk of another department (billing)",
      () => recordMeterExchange(db, billingClerk, form(), undefined, SWAP_NOW),
      "FORBIDDEN",
      undefined,
    ],
    [
      "a date in the future (the utility's local day)",
      () =>
        recordMeterExchange(db, clerk, form({ exchangedOn: "2026-02-21" }), undefined, SWAP_NOW),
      "VALIDATION_FAILED",
      { exchangedOn: "in_future" },
    ],
    [
      "a date before the old meter's last reading",
      () =>
        recordMeterExchange(db, clerk, form({ exchangedOn: "2026-02-03" }), undefined, SWAP_NOW),
      "VALIDATION_FAILED",
      { exchangedOn: "exchangeBeforeLastReading" },
    ],
    [
      "a meter that is not the contract's current one",
      () =>
        recordMeterExchange(
          db,
          clerk,
          form({ oldMeterId: "00000000-0000-4000-8000-000000000000" }),
          undefined,
          SWAP_NOW,
        ),
      "CONFLICT",
      { oldMeterId: "meterNotCurrent" },
    ],
    [
      "a missing initial index",
      () => recordMeterExchange(db, clerk, form({ initial_single: "" }), undefined, SWAP_NOW),
      "VALIDATION_FAILED",
      { initial_single: "required" },
    ],
  ])("refuses %s with a localised 4xx", async (_name, call, code, fields) => {
    const before = await snapshot();
    const error = await appErrorOf(call());
    expect(error.code).toBe(code);
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.status).toBeLessThan(500);
    expect(error.fields).toEqual(fields);
    // Every key the form may show exists in the three languages.
    for (const locale of LOCALES) {
      expect(MESSAGES[locale].errors[code as keyof (typeof MESSAGES)["en"]["errors"]]).toBeTruthy();
      for (const key of Object.values(fields ?? {}))
        expect(MESSAGES[locale].validation[key as "invalid"], `${locale} ${key}`).toBeTruthy();
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a bad form before the service: the shared schema's keys", () => {
    const parsed = meterExchangeSchema.safeParse({
      contractNo,
      oldMeterId,
      exchangedOn: "2026-02-30",
      newSerial: "<b>",
      newDials: "0",
    });
    expect(parsed.success).toBe(false);
    const keys = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(keys).toEqual({ exchangedOn: "invalidDate", newSerial: "invalid", newDials: "invalid" });
  });
});

describe("meter exchange: recorded", () => {
  let newMeterId: string;
  let marchBillId: string;
  let aprilBillId: string;

  it("removes the old meter, stores its final reading, fits the new one, all in one go", async () => {
    const done = await recordMeterExchange(db, clerk, form(), undefined, SWAP_NOW);
    newMeterId = done.newMeterId;

    const [old] = await db.select().from(meters).where(eq(meters.id, oldMeterId));
    expect(old).toMatchObject({ active: false, removedAt: SWAP_DAY });
    const [fitted] = await db.select().from(meters).where(eq(meters.id, newMeterId));
    expect(fitted).toMatchObject({
      contractId,
      serial: "MX-2026-00042",
      dials: 6,
      installedAt: SWAP_DAY,
      active: true,
    });
    const [register] = await db
      .select()
      .from(meterRegisters)
      .where(eq(meterRegisters.meterId, newMeterId));
    expect(register).toMatchObject({ name: "single", initialIndex: 50 });

    const [final] = await db
      .select()
      .from(readings)
      .where(and(eq(readings.registerId, oldRegisterId), eq(readings.index, 12465)));
    expect(final).toMatchObject({
      source: "agent",
      status: "accepted",
      consumption: 120,
      submittedBy: clerk.id,
      usedForBilling: true,
    });
    expect(final!.readAt).toEqual(SWAP_NOW);

    const [exchange] = await db
      .select()
      .from(meterExchanges)
      .where(eq(meterExchanges.id, done.exchangeId));
    expect(exchange).toMatchObject({ contractId, oldMeterId, newMeterId, exchangedOn: SWAP_DAY });
    expect(exchange!.registers).toEqual([
      {
        name: "single",
        oldPreviousIndex: 12345,
        oldFinalIndex: 12465,
        oldFinalReadingId: final!.id,
        newInitialIndex: 50,
      },
    ]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "meter.exchange"), eq(auditLog.entityId, done.exchangeId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(clerk.id);
  });

  it("finds the contract for metering staff with its new meter and the swap", async () => {
    const found = await findContractForExchange(db, clerk, "91 000 000 01");
    expect(found?.meter).toMatchObject({ id: newMeterId, serial: "MX-2026-00042", dials: 6 });
    expect(found?.meter?.registers).toEqual([
      { name: "single", lastIndex: null, lastReadAt: null },
    ]);
    expect(found?.exchanges).toEqual([
      { exchangedOn: SWAP_DAY, oldSerial, newSerial: "MX-2026-00042" },
    ]);
    expect(await findContractForExchange(db, clerk, "9199999999")).toBeNull();
    expect((await appErrorOf(findContractForExchange(db, billingClerk, contractNo))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("lets one of two clerks swapping the same meter at once win, the other changing nothing", async () => {
    const meterId = await anotherContract("9100000003", "MX-2020-00003");
    const swap = (user: User, serial: string) =>
      recordMeterExchange(
        db,
        user,
        form({ contractNo: "9100000003", oldMeterId: meterId, newSerial: serial }),
        undefined,
        SWAP_NOW,
      ).then(
        () => "ok",
        (error: unknown) => (error as { code?: string }).code,
      );
    const supervisor = await userByEmail(db, "supervisor@wasla.example");
    const outcomes = await Promise.all([
      swap(clerk, "MX-2026-00045"),
      swap(supervisor, "MX-2026-00046"),
    ]);
    expect(outcomes.sort()).toEqual(["CONFLICT", "ok"]);
    const { rows } = await db.execute(sql`
      select (select count(*)::int from meter_exchanges where old_meter_id = ${meterId}) as exchanges,
        (select count(*)::int from meters m join contracts c on c.id = m.contract_id
          where c.contract_no = '9100000003') as meters,
        (select count(*)::int from readings rd join meter_registers r on r.id = rd.register_id
          where r.meter_id = ${meterId}) as readings`);
    expect(rows[0]).toEqual({ exchanges: 1, meters: 2, readings: HISTORY.length + 1 });
  });

  it("refuses a second exchange of the meter it replaced: it is no longer current", async () => {
    const before = await snapshot();
    const error = await appErrorOf(
      recordMeterExchange(db, clerk, form({ newSerial: "MX-2026-00043" }), undefined, SWAP_NOW),
    );
    expect(error.code).toBe("CONFLICT");
    expect(await snapshot()).toEqual(before);
  });

  it("shows the customer the new meter and a line for the swap in the history", async () => {
    const contract = await getAccountContract(db, { userId: customer.id, contractId });
    expect(contract!.meters.map((m) => m.serial)).toEqual(["MX-2026-00042"]);
    const swaps = await listContractExchanges(db, { userId: customer.id, contractId });
    expect(swaps).toEqual([
      expect.objectContaining({
        exchangedOn: SWAP_DAY,
        oldSerial,
        newSerial: "MX-2026-00042",
      }),
    ]);
    // Someone else's contract shows nothing.
    expect(await listContractExchanges(db, { userId: other.id, contractId })).toEqual([]);
    const history = await listContractReadings(db, { userId: customer.id, contractId });
    expect(history[0]).toMatchObject({ meterSerial: oldSerial, index: 12465, consumption: 120 });
  });

  it("refuses a reading of the new meter dated before the swap", async () => {
    const error = await appErrorOf(
      submitReading(
        db,
        readingSubmissionSchema.parse({
          contractNo,
          meterSerial: "MX-2026-00042",
          readings: [{ register: "single", index: "60" }],
          readAt: new Date("2026-02-15T10:00:00Z").toISOString(),
        }),
        { userId: customer.id, locale: customer.locale },
        undefined,
        READ_NOW,
      ),
    );
    expect(error.code).toBe("READING_REFUSED");
    expect(error.fields).toEqual({ readAt: "before_previous" });
  });

  it("counts the first reading of the new meter across both meters, accepted as plausible", async () => {
    const receipt = await submitReading(
      db,
      readingSubmissionSchema.parse({
        contractNo,
        meterSerial: "MX-2026-00042",
        readings: [{ register: "single", index: "170" }],
        readAt: READ_AT.toISOString(),
      }),
      { userId: customer.id, locale: customer.locale },
      undefined,
      READ_NOW,
    );
    // (12,465 − 12,345) + (170 − 50): the usual 8 a day over 30 days.
    expect(receipt).toMatchObject({ status: "accepted", consumption: 240, flags: [] });
    const [row] = await db
      .select()
      .from(readings)
      .innerJoin(meterRegisters, eq(meterRegisters.id, readings.registerId))
      .where(eq(meterRegisters.meterId, newMeterId));
    // The row keeps the new meter's part: the old meter's is on its final reading, so the
    // history and the monthly chart count each unit once.
    expect(row!.readings).toMatchObject({ index: 170, status: "accepted", consumption: 120 });
    expect(row!.readings.flags).toEqual([]);
    expect(row!.readings.reviewItemId).toBeNull();
    const held = await db
      .select({ id: workItems.id })
      .from(workItems)
      .where(and(eq(workItems.contractId, contractId), eq(workItems.kindCode, "reading_review")));
    expect(held).toEqual([]);
  });

  it("holds an implausible first reading of the new meter for review (high across both)", async () => {
    // A second contract swapped the same way, whose first new reading is far too high.
    const m = await anotherContract("9100000002", "MX-2020-00002");
    await recordMeterExchange(
      db,
      clerk,
      form({ contractNo: "9100000002", oldMeterId: m, newSerial: "MX-2026-00044" }),
      undefined,
      SWAP_NOW,
    );
    const receipt = await submitReading(
      db,
      readingSubmissionSchema.parse({
        contractNo: "9100000002",
        meterSerial: "MX-2026-00044",
        readings: [{ register: "single", index: "500" }],
        readAt: READ_AT.toISOString(),
      }),
      { userId: customer.id, locale: customer.locale },
      undefined,
      READ_NOW,
    );
    // 120 + 450 = 570 in 30 days: 19 a day against 8.
    expect(receipt).toMatchObject({ status: "review", consumption: 570, flags: ["high"] });
  });

  it("bills March across the swap: the old meter to its final index, the new from its initial", async () => {
    const march = await billContract(db, {
      contractId,
      cycle: "2026-03-01",
      now: new Date("2026-03-07T09:00:00Z"),
      actor: billingActor,
    });
    expect(march).toMatchObject({ kind: "created", estimated: false });
    marchBillId = (march as { billId: string }).billId;
    const [bill] = await db
      .select()
      .from(bills)
      .where(eq(bills.id, (march as { billId: string }).billId));
    // (12,465 − 12,345) + (170 − 50)
    expect(Number(bill!.consumption)).toBe(240);
    expect(bill!.meterId).toBe(newMeterId);
    expect(bill!.previousIndex).toBe(50);
    expect(bill!.newIndex).toBe(170);
    expect(bill!.explanation).toMatchObject({
      registers: [
        {
          name: "single",
          previous: 50,
          current: 170,
          exchange: { oldMeterId, previous: 12345, final: 12465 },
        },
      ],
    });
    // Priced on those 240 units, as the engine prices any consumption over the period.
    const tariffs = await db
      .select({ tariffId: contractTariffs.tariffId })
      .from(contractTariffs)
      .where(eq(contractTariffs.contractId, contractId));
    let expected = 0;
    for (const { tariffId } of tariffs) {
      const priced = priceConsumption({
        versions: await loadTariffVersions(db, tariffId),
        periodStart: bill!.periodStart,
        periodEnd: bill!.periodEnd,
        consumption: "240.000",
      });
      expected += priced.totalBeforeTaxMinor + priced.taxMinor;
    }
    expect(bill!.totalMinor).toBe(expected);
  });

  it("bills April on the new meter alone, from March's index", async () => {
    await db.insert(readings).values({
      registerId: (
        await db.select().from(meterRegisters).where(eq(meterRegisters.meterId, newMeterId))
      )[0]!.id,
      index: 410,
      readAt: new Date("2026-04-05T10:00:00Z"),
      source: "agent",
      status: "accepted",
    });
    const april = await billContract(db, {
      contractId,
      cycle: "2026-04-01",
      now: new Date("2026-04-07T09:00:00Z"),
      actor: billingActor,
    });
    expect(april).toMatchObject({ kind: "created", estimated: false });
    aprilBillId = (april as { billId: string }).billId;
    const [bill] = await db
      .select()
      .from(bills)
      .where(eq(bills.id, (april as { billId: string }).billId));
    expect(Number(bill!.consumption)).toBe(240);
    expect(bill!.explanation).toMatchObject({
      registers: [{ name: "single", previous: 170, current: 410 }],
    });
    expect(
      (bill!.explanation as { registers: { exchange?: unknown }[] }).registers[0]!.exchange,
    ).toBeUndefined();
  });

  it("shows March's customer both meters' parts on the page and in the PDF, in every language", async () => {
    const detail = (await getBillDetail(db, {
      billId: marchBillId,
      access: { userId: customer.id },
      today: "2026-03-07",
    }))!;
    expect(detail.oldMeters).toEqual([{ id: oldMeterId, serial: oldSerial }]);
    // 120 on each meter, which make the 240 billed.
    expect(meterSwapRows(translator("en"), detail, "en")).toEqual([
      { label: `Old meter ${oldSerial}`, value: "12345 → 12465 (120 m³)" },
      { label: "New meter MX-2026-00042", value: "50 → 170 (120 m³)" },
    ]);
    expect(meterSwapRows(translator("fr"), detail, "fr")).toEqual([
      { label: `Ancien compteur ${oldSerial}`, value: "12345 → 12465 (120 m³)" },
      { label: "Nouveau compteur MX-2026-00042", value: "50 → 170 (120 m³)" },
    ]);
    // Arabic reads from the right: the arrow points from the previous index to the next one.
    expect(meterSwapRows(translator("ar"), detail, "ar")).toEqual([
      { label: `العداد القديم ${oldSerial}`, value: "12345 ← 12465 (120 م³)" },
      { label: "العداد الجديد MX-2026-00042", value: "50 ← 170 (120 م³)" },
    ]);
    // The API says the same in figures, in its documented shape.
    const api = presentBillDetail(detail, "fr");
    expect(api.bill.meterSwap).toEqual([
      {
        register: "single",
        oldMeterSerial: oldSerial,
        oldPreviousIndex: "12345",
        oldFinalIndex: "12465",
        newInitialIndex: "50",
        newIndex: "170",
      },
    ]);
    expect(billDetailSchema.safeParse(api).success).toBe(true);
    // An old meter no longer found still gets its part, without a serial.
    expect(meterSwapRows(translator("en"), { ...detail, oldMeters: [] }, "en")[0]).toEqual({
      label: "Old meter",
      value: "12345 → 12465 (120 m³)",
    });

    const utility = await getUtility(db);
    const squash = (text: string) => text.replace(/\s+/g, "");
    for (const locale of LOCALES) {
      const data = billDocument(detail, locale, utility, "Eau");
      // The indexes are in the swap rows: no lone "50 → 170" next to 240.
      expect(data.meter).toMatchObject({ previousIndex: undefined, newIndex: undefined });
      // The PDF's font has no arrow: an en dash joins the indexes, as in its period line.
      expect(data.meter.swap?.rows).toEqual(
        meterSwapRows(translator(locale), detail, locale).map((row) => ({
          ...row,
          value: row.value.replace(/ [→←] /, " – "),
        })),
      );
      const text = squash(pdfText(await renderBillPdfBuffer(data)));
      const t = translator(locale);
      for (const row of data.meter.swap!.rows) expect(text).toContain(squash(row.label));
      if (locale === "ar") {
        // pdftotext gives the runs of a mixed Arabic line as drawn, from the left (as it does
        // the period line's dates): read from the right, the old index comes first.
        expect(text).toContain("120)12465–12345م(³");
        expect(text).toContain("120)170–50م(³");
      } else {
        for (const row of data.meter.swap!.rows) expect(text).toContain(squash(row.value));
      }
      // Without its brackets, which pdftotext mirrors wrongly in an Arabic line.
      const bare = (value: string) => value.replace(/[()]/g, "");
      expect(bare(text)).toContain(bare(squash(t("billing.detail.swapTotal"))));
      expect(text).toContain(squash(`240 ${t("billing.unit.m3")}`));
      expect(text).not.toContain(squash(MESSAGES[locale].billing.pdfBill.previousIndex));
    }
  });

  it("shows April's bill, on the new meter alone, as any other bill", async () => {
    const detail = (await getBillDetail(db, {
      billId: aprilBillId,
      access: "staff",
      today: "2026-04-07",
    }))!;
    expect(detail.oldMeters).toEqual([]);
    expect(meterSwapRows(translator("en"), detail, "en")).toEqual([]);
    expect(presentBillDetail(detail, "en").bill.meterSwap).toEqual([]);
    const data = billDocument(detail, "en", await getUtility(db), "Water");
    expect(data.meter).toMatchObject({ previousIndex: "170", newIndex: "410", consumption: "240" });
    expect(data.meter.swap).toBeUndefined();
    const text = pdfText(await renderBillPdfBuffer(data));
    expect(text).toContain("Previous reading");
    expect(text).not.toContain("Old meter");
  });
});

describe("meter exchange: a billing run made after a swap that followed the period's end", () => {
  it("bills that period on the old meter, and the next one across the swap", async () => {
    const oldId = await anotherContract("9100000004", "MX-2020-00004");
    const [k] = await db.select({ id: meters.contractId }).from(meters).where(eq(meters.id, oldId));
    const bill = async (cycle: string, now: string) => {
      const outcome = await billContract(db, {
        contractId: k!.id,
        cycle,
        now: new Date(now),
        actor: billingActor,
      });
      expect(outcome).toMatchObject({ kind: "created", estimated: false });
      const [row] = await db
        .select()
        .from(bills)
        .where(eq(bills.id, (outcome as { billId: string }).billId));
      return row!;
    };
    await bill("2026-02-01", "2026-02-06T09:00:00Z");
    const [oldRegister] = await db
      .select()
      .from(meterRegisters)
      .where(eq(meterRegisters.meterId, oldId));
    // The agent's March round on the old meter, then the swap on 20 March.
    await db.insert(readings).values({
      registerId: oldRegister!.id,
      index: 12585,
      readAt: new Date("2026-03-05T10:00:00Z"),
      source: "agent",
      status: "accepted",
    });
    const { newMeterId } = await recordMeterExchange(
      db,
      clerk,
      form({
        contractNo: "9100000004",
        oldMeterId: oldId,
        exchangedOn: "2026-03-20",
        final_single: "12705",
        newSerial: "MX-2026-00047",
      }),
      undefined,
      new Date("2026-03-20T12:00:00Z"),
    );
    // March's run, a day after the swap: the period (5 February to 5 March) was the old meter's.
    const march = await bill("2026-03-01", "2026-03-21T09:00:00Z");
    expect(march.meterId).toBe(oldId);
    expect(Number(march.consumption)).toBe(240);
    expect(march.newIndex).toBe(12585);
    const [newRegister] = await db
      .select()
      .from(meterRegisters)
      .where(eq(meterRegisters.meterId, newMeterId));
    await db.insert(readings).values({
      registerId: newRegister!.id,
      index: 170,
      readAt: new Date("2026-04-05T10:00:00Z"),
      source: "agent",
      status: "accepted",
    });
    // April: (12,705 − 12,585) on the old meter + (170 − 50) on the new one.
    const april = await bill("2026-04-01", "2026-04-07T09:00:00Z");
    expect(april.meterId).toBe(newMeterId);
    expect(Number(april.consumption)).toBe(240);
    expect(april.explanation).toMatchObject({
      registers: [
        {
          previous: 50,
          current: 170,
          exchange: { oldMeterId: oldId, previous: 12585, final: 12705 },
        },
      ],
    });
  });
});

describe("meter exchange form", () => {
  it("renders a field per register in the clerk's language, with the meter's dials", async () => {
    for (const locale of LOCALES) {
      const markup = await renderWithIntl(
        createElement(ExchangeForm, {
          action: async () => ({ status: "ok" as const }),
          contractNo,
          oldMeterId,
          dials: 6,
          registers: ["day", "night"],
          today: "2026-02-20",
        }),
        locale,
      );
      const html = markup.replaceAll("&#x27;", "'");
      const t = MESSAGES[locale];
      for (const name of ["exchangedOn", "final_day", "final_night", "newSerial", "newDials"])
        expect(html).toContain(`name="${name}"`);
      expect(html).toContain('name="initial_night"');
      expect(html).toContain(`${t.meterExchange.finalIndex} — ${t.contracts.register.night}`);
      expect(html).toContain(t.meterExchange.submit);
      // Without JavaScript the form posts what the markup holds.
      expect(html).toMatch(/name="newDials"[^>]*value="6"|value="6"[^>]*name="newDials"/);
      expect(html).toContain(`value="${oldMeterId}"`);
      expect(html).toContain(`value="${contractNo}"`);
      expect(html).toContain('max="2026-02-20"');
    }
  });
});
