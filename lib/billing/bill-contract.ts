import { randomInt } from "node:crypto";
import { and, asc, desc, eq, gte, lt, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import {
  billLines,
  bills,
  contracts,
  contractTariffs,
  meterExchanges,
  meterRegisters,
  meters,
  premises,
  readings,
  readingSchedules,
  readingWindows,
  tariffs,
  type Bill,
} from "@/db/schema";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { getUtility } from "@/lib/utility/get-utility";
import { nextItemNumber } from "@/lib/workflow/numbering";
import { BILL_PREFIX } from "@/lib/workflow/reserved-prefixes";
import { estimateConsumption } from "./engine/estimate";
import { priceConsumption } from "./engine/price";
import type { PricedLine } from "./engine/types";
import { addDays, addMonths, daysBetween, localDate } from "./dates";
import { loadTariffVersions } from "./tariff-store";

/** Days between issue and due date. */
export const PAYMENT_TERM_DAYS = 15;

export type BillOutcome =
  | { kind: "created"; billId: string; billNo: string; estimated: boolean }
  | { kind: "skipped"; reason: "already_billed" | "no_tariff" | "no_meter" | "not_started" };

/**
 * A register's indexes on the bill. When the meter was swapped during the period, `previous` is
 * the new meter's initial index and `exchange` carries the old meter's part: consumption is
 * (exchange.final − exchange.previous) + (current − previous).
 */
type RegisterIndex = {
  name: string;
  previous: number;
  current: number;
  exchange?: { oldMeterId: string; previous: number; final: number };
};

/** A register's consumption over the period, in units, across a swap if there was one. */
function registerUnits(r: RegisterIndex): number {
  return r.current - r.previous + (r.exchange ? r.exchange.final - r.exchange.previous : 0);
}

/** What the bill's explanation keeps beyond its lines: enough to say why the amount is what it is. */
export type BillExplanation = {
  registers: RegisterIndex[];
  tariffs: { code: string; service: string; mode: string; trancheReached: number }[];
  estimateBasis?: string;
  regularised?: {
    billId: string;
    billNo: string;
    periodStart: string;
    periodEnd: string;
    billedConsumption: string;
    actualConsumption: string;
    differenceMinor: number;
  }[];
};

/** A 12-character payment reference with a check digit, for paying a bill without signing in. */
export function newPaymentReference(): string {
  let digits = "";
  for (let i = 0; i < 11; i++) digits += String(randomInt(10));
  return digits + luhnDigit(digits);
}

/** The Luhn check digit: one mistyped digit or two swapped ones are caught before a lookup. */
export function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Thousandths of a unit, as the bills store consumption (numeric(14,3)). */
function milli(value: string | number): number {
  return Math.round(Number(value) * 1000);
}

function fromMilli(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, "0")}`;
}

/**
 * Split `total` thousandths over periods by days; the rounding remainder goes to the last.
 * (The engine's regulariseConsumption re-prices estimates from their billed consumption; a run
 * compares with the lines each bill really carries instead — an imported or reissued bill may
 * differ — so it needs only this split.)
 */
export function spreadByDays(totalMilli: number, days: number[]): number[] {
  const all = days.reduce((a, b) => a + b, 0);
  if (all <= 0) return days.map(() => 0);
  const shares = days.map((d) => Math.floor((totalMilli * d) / all));
  shares[shares.length - 1]! += totalMilli - shares.reduce((a, b) => a + b, 0);
  return shares;
}

/**
 * The period a cycle bills for a contract: it ends on the zone's scheduled reading date in the
 * cycle's month (the 1st when the zone has none), and starts where the previous bill ended.
 */
async function periodEndFor(tx: Tx, zone: string, cycle: string): Promise<string> {
  const [row] = await tx
    .select({ date: readingSchedules.scheduledDate })
    .from(readingSchedules)
    .where(
      and(
        eq(readingSchedules.zone, zone),
        gte(readingSchedules.scheduledDate, cycle),
        lt(readingSchedules.scheduledDate, addMonths(cycle, 1)),
      ),
    )
    .orderBy(asc(readingSchedules.scheduledDate))
    .limit(1);
  return row?.date ?? cycle;
}

/**
 * Bill one contract for one cycle, in one transaction: the bill, its lines, its number and its
 * audit row commit together or not at all. Safe to repeat: the contract row is locked, and a
 * live bill for the same period start is found (or refused by a unique index) instead of
 * being made twice.
 */
export async function billContract(
  db: DbOrTx,
  params: {
    contractId: string;
    cycle: string;
    now: Date;
    runId?: string;
    actor: Actor;
    /** Cancel and reissue (lib/billing/reissue.ts): the cancelled bill this one replaces. */
    replacesBillId?: string;
    /**
     * A final bill at termination (lib/connections): the period ends on the final reading's
     * date instead of the zone's scheduled reading date.
     */
    periodEnd?: string;
  },
): Promise<BillOutcome> {
  // Inside a caller's transaction (the demo seed) this is a savepoint: same code, same rules.
  return (db as Db).transaction(async (tx) => {
    const [contract] = await tx
      .select({
        id: contracts.id,
        startDate: contracts.startDate,
        status: contracts.status,
        zone: premises.zone,
      })
      .from(contracts)
      .innerJoin(premises, eq(premises.id, contracts.premiseId))
      .where(eq(contracts.id, params.contractId))
      .for("update", { of: contracts });
    if (!contract) throw new Error(`billContract: no contract ${params.contractId}`);

    const utility = await getUtility(tx);
    const periodEnd = params.periodEnd ?? (await periodEndFor(tx, contract.zone, params.cycle));
    const [previous] = await tx
      .select()
      .from(bills)
      .where(and(eq(bills.contractId, contract.id), eq(bills.status, "issued")))
      .orderBy(desc(bills.periodEnd))
      .limit(1);
    if (previous && previous.periodEnd >= periodEnd)
      return { kind: "skipped", reason: "already_billed" };
    let periodStart = previous?.periodEnd ?? addMonths(periodEnd, -1);
    if (periodStart < contract.startDate) periodStart = contract.startDate;
    if (periodStart >= periodEnd) return { kind: "skipped", reason: "not_started" };

    const [active] = await tx
      .select({ id: meters.id, calibre: meters.calibre })
      .from(meters)
      .where(and(eq(meters.contractId, contract.id), eq(meters.active, true)));
    if (!active) return { kind: "skipped", reason: "no_meter" };
    // A meter fitted by an exchange (lib/metering/meter-exchange.ts) while the period started on
    // the old one: the previous bill was on the old meter (or, for a first bill, the swap is
    // after the period's start). Swapped before the period's end, each register's consumption
    // is the old meter's part up to its final index plus the new meter's from its initial
    // index; swapped on or after it (a run made late), the period is the old meter's alone and
    // the next bill spans the swap.
    const [exchange] = await tx
      .select()
      .from(meterExchanges)
      .where(eq(meterExchanges.newMeterId, active.id));
    const startsOnOldMeter =
      exchange !== undefined &&
      (previous
        ? previous.meterId === exchange.oldMeterId ||
          // An imported bill names no meter: it was on the old one if it ended by the swap.
          (previous.meterId === null && exchange.exchangedOn >= previous.periodEnd)
        : exchange.exchangedOn > periodStart);
    const swapAfterPeriod = startsOnOldMeter && exchange!.exchangedOn >= periodEnd;
    const spansSwap = startsOnOldMeter && !swapAfterPeriod;
    const [meter] = swapAfterPeriod
      ? await tx
          .select({ id: meters.id, calibre: meters.calibre })
          .from(meters)
          .where(eq(meters.id, exchange!.oldMeterId))
      : [active];
    if (!meter) return { kind: "skipped", reason: "no_meter" };
    const registers = await tx
      .select({
        id: meterRegisters.id,
        name: meterRegisters.name,
        initial: meterRegisters.initialIndex,
      })
      .from(meterRegisters)
      .where(eq(meterRegisters.meterId, meter.id))
      .orderBy(asc(meterRegisters.name));

    const tariffRows = await tx
      .select({
        id: tariffs.id,
        code: tariffs.code,
        service: tariffs.service,
        currency: tariffs.currency,
      })
      .from(contractTariffs)
      .innerJoin(tariffs, eq(tariffs.id, contractTariffs.tariffId))
      .where(eq(contractTariffs.contractId, contract.id))
      .orderBy(asc(tariffs.code));
    if (!tariffRows.length) return { kind: "skipped", reason: "no_tariff" };

    const [window] = await tx
      .select()
      .from(readingWindows)
      .where(eq(readingWindows.zone, contract.zone));
    const before = window?.daysBefore ?? 3;
    const after = window?.daysAfter ?? 2;

    // The counted reading of a register around a date: accepted, inside the window, the latest.
    const readingAround = async (registerId: string, date: string) => {
      const rows = await tx
        .select({
          id: readings.id,
          index: readings.index,
          readAt: readings.readAt,
          source: readings.source,
        })
        .from(readings)
        .where(
          and(
            eq(readings.registerId, registerId),
            eq(readings.status, "accepted"),
            eq(readings.usedForBilling, true),
            // A day of slack either side of the window: local dates are checked exactly below.
            gte(readings.readAt, new Date(`${addDays(date, -before - 1)}T00:00:00Z`)),
            lte(readings.readAt, new Date(`${addDays(date, after + 2)}T00:00:00Z`)),
          ),
        )
        .orderBy(desc(readings.readAt));
      return rows.find((r) => {
        const day = localDate(r.readAt, utility.timeZone);
        return day >= addDays(date, -before) && day <= addDays(date, after);
      });
    };

    const previousRegisters = (previous?.explanation as BillExplanation | undefined)?.registers;
    const oldRegisters = spansSwap
      ? await tx
          .select({
            id: meterRegisters.id,
            name: meterRegisters.name,
            initial: meterRegisters.initialIndex,
          })
          .from(meterRegisters)
          .where(eq(meterRegisters.meterId, exchange!.oldMeterId))
      : [];
    const indexes: (RegisterIndex & { readingId?: string; source?: string })[] = [];
    let real = true;
    for (const register of registers) {
      const figures = spansSwap
        ? exchange!.registers.find((r) => r.name === register.name)
        : undefined;
      let prevIndex = previousRegisters?.find((r) => r.name === register.name)?.current;
      let swap: RegisterIndex["exchange"];
      if (figures) {
        // The old meter from where the previous bill left it to its final index.
        let oldPrevious = prevIndex;
        if (oldPrevious === undefined) {
          const old = oldRegisters.find((r) => r.name === register.name);
          const start = old ? await readingAround(old.id, periodStart) : undefined;
          oldPrevious = start?.index ?? old?.initial ?? figures.oldPreviousIndex;
        }
        swap = {
          oldMeterId: exchange!.oldMeterId,
          previous: oldPrevious,
          final: figures.oldFinalIndex,
        };
        prevIndex = figures.newInitialIndex;
      } else if (prevIndex === undefined) {
        const start = await readingAround(register.id, periodStart);
        prevIndex = start?.index ?? register.initial;
      }
      const end = await readingAround(register.id, periodEnd);
      if (!end) real = false;
      indexes.push({
        name: register.name,
        previous: prevIndex,
        current: end?.index ?? prevIndex,
        ...(swap ? { exchange: swap } : {}),
        readingId: end?.id,
        source: end?.source,
      });
    }
    const days = daysBetween(periodStart, periodEnd);

    // Past bills of this contract, for estimates and for regularising estimated ones.
    const history = await tx
      .select()
      .from(bills)
      .where(and(eq(bills.contractId, contract.id), eq(bills.status, "issued")))
      .orderBy(desc(bills.periodEnd))
      .limit(15);

    let consumptionMilli: number;
    let estimateBasis: string | undefined;
    const regularise: Bill[] = [];
    if (real) {
      const totalMilli = indexes.reduce((sum, r) => sum + registerUnits(r) * 1000, 0);
      // The estimated bills just before this one are corrected now: the real consumption since
      // the last real index is spread over their periods and this one by days, so that a low
      // estimate never pushes this period into a higher tranche.
      for (const bill of history) {
        if (!bill.estimated) break;
        regularise.unshift(bill);
      }
      if (regularise.length) {
        const shares = spreadByDays(
          totalMilli + regularise.reduce((sum, b) => sum + milli(b.consumption), 0),
          [...regularise.map((b) => b.days), days],
        );
        consumptionMilli = shares.at(-1)!;
        regularise.forEach(
          (b, i) => ((b as Bill & { actualMilli: number }).actualMilli = shares[i]!),
        );
      } else {
        consumptionMilli = totalMilli;
      }
    } else {
      const realBills = history.filter((b) => !b.estimated);
      const lastYear = history.find(
        (b) => Math.abs(daysBetween(addMonths(periodStart, -12), b.periodStart)) <= 10,
      );
      const estimate = estimateConsumption({
        lastRealPeriods: realBills
          .slice(0, 2)
          .map((b) => ({ days: b.days, consumption: b.consumption })),
        sameMonthLastYear: lastYear
          ? { days: lastYear.days, consumption: lastYear.consumption }
          : undefined,
        days,
      });
      consumptionMilli = milli(estimate.consumption);
      estimateBasis = estimate.basis;
      // The estimated index moves the first register on, so the next real reading catches up.
      // Across a swap the old meter's part is known: only the rest moves the new meter on.
      const units = Math.round(consumptionMilli / 1000);
      const known = indexes.reduce(
        (sum, r) => sum + (r.exchange ? r.exchange.final - r.exchange.previous : 0),
        0,
      );
      indexes.forEach(
        (r, i) => (r.current = r.previous + (i === 0 ? Math.max(0, units - known) : 0)),
      );
      consumptionMilli = units * 1000;
    }
    if (consumptionMilli < 0) consumptionMilli = 0;

    type Line = PricedLine & { service: (typeof tariffRows)[number]["service"] };
    const lines: Line[] = [];
    const explanationTariffs: BillExplanation["tariffs"] = [];
    const regularised: NonNullable<BillExplanation["regularised"]> = [];
    const versionsByTariff = new Map<string, Awaited<ReturnType<typeof loadTariffVersions>>>();
    for (const tariff of tariffRows) {
      const versions = await loadTariffVersions(tx, tariff.id);
      versionsByTariff.set(tariff.id, versions);
      const priced = priceConsumption({
        versions,
        periodStart,
        periodEnd,
        consumption: fromMilli(consumptionMilli),
        calibre: meter.calibre ?? undefined,
      });
      lines.push(...priced.lines.map((l) => ({ ...l, service: tariff.service })));
      explanationTariffs.push({
        code: tariff.code,
        service: tariff.service,
        mode: priced.mode,
        trancheReached: priced.trancheReached,
      });
    }

    for (const bill of regularise) {
      const actualMilli = (bill as Bill & { actualMilli: number }).actualMilli;
      const billed = await tx.select().from(billLines).where(eq(billLines.billId, bill.id));
      let differenceMinor = 0;
      for (const tariff of tariffRows) {
        const repriced = priceConsumption({
          versions: versionsByTariff.get(tariff.id)!,
          periodStart: bill.periodStart,
          periodEnd: bill.periodEnd,
          consumption: fromMilli(actualMilli),
          calibre: meter.calibre ?? undefined,
        });
        const mine = billed.filter((l) => l.service === tariff.service);
        const before = mine.reduce((s, l) => s + l.amountMinor, 0);
        const tax = mine.reduce((s, l) => s + l.taxMinor, 0);
        const amountMinor = repriced.totalBeforeTaxMinor - before;
        const taxMinor = repriced.taxMinor - tax;
        differenceMinor += amountMinor + taxMinor;
        lines.push({
          kind: "regularisation" as PricedLine["kind"],
          code: "regularisation",
          quantity: fromMilli(actualMilli - milli(bill.consumption)),
          unit: repriced.unit,
          unitPrice: "0",
          amountMinor,
          taxRate: "0",
          taxMinor,
          totalMinor: amountMinor + taxMinor,
          tariffVersionId: repriced.versionIds[0]!,
          periodStart: bill.periodStart,
          periodEnd: bill.periodEnd,
          days: bill.days,
          service: tariff.service,
        });
      }
      regularised.push({
        billId: bill.id,
        billNo: bill.billNo,
        periodStart: bill.periodStart,
        periodEnd: bill.periodEnd,
        billedConsumption: bill.consumption,
        actualConsumption: fromMilli(actualMilli),
        differenceMinor,
      });
    }

    const totalBeforeTaxMinor = lines.reduce((s, l) => s + l.amountMinor, 0);
    const taxMinor = lines.reduce((s, l) => s + l.taxMinor, 0);
    const issueDate = localDate(params.now, utility.timeZone);
    const billNo = await nextItemNumber(tx, BILL_PREFIX, Number(issueDate.slice(0, 4)));
    const single = indexes.length === 1 ? indexes[0] : undefined;
    const readingType = !real
      ? "estimated"
      : indexes.every((r) => r.source === "agent")
        ? "agent"
        : "self";
    const explanation: BillExplanation = {
      registers: indexes.map(({ name, previous, current, exchange: swap }) => ({
        name,
        previous,
        current,
        ...(swap ? { exchange: swap } : {}),
      })),
      tariffs: explanationTariffs,
      ...(estimateBasis ? { estimateBasis } : {}),
      ...(regularised.length ? { regularised } : {}),
    };

    const [bill] = await tx
      .insert(bills)
      .values({
        billNo,
        contractId: contract.id,
        meterId: meter.id,
        periodStart,
        periodEnd,
        days,
        issuedAt: params.now,
        dueDate: addDays(issueDate, PAYMENT_TERM_DAYS),
        source: params.replacesBillId ? "reissue" : "run",
        replacesBillId: params.replacesBillId ?? null,
        readingType,
        estimated: !real,
        estimateBasis: estimateBasis ?? null,
        previousIndex: single?.previous ?? null,
        newIndex: single?.current ?? null,
        readingId: single?.readingId ?? indexes.find((r) => r.readingId)?.readingId ?? null,
        consumption: fromMilli(consumptionMilli),
        unit: lines[0]?.unit ?? "kWh",
        currency: tariffRows[0]!.currency,
        totalBeforeTaxMinor,
        taxMinor,
        totalMinor: totalBeforeTaxMinor + taxMinor,
        explanation,
        paymentReference: newPaymentReference(),
        runId: params.runId ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: bills.id });
    // A concurrent run billed the same period first (the unique index on live bills).
    if (!bill) return { kind: "skipped", reason: "already_billed" };

    await tx.insert(billLines).values(
      lines.map((l, position) => ({
        billId: bill.id,
        position,
        service: l.service,
        tariffVersionId: l.tariffVersionId,
        kind: l.kind,
        code: l.code,
        block: l.block ?? null,
        mode: l.mode ?? null,
        quantity: l.quantity,
        unit: l.unit,
        unitPrice: l.unitPrice,
        amountMinor: l.amountMinor,
        taxRate: l.taxRate,
        taxMinor: l.taxMinor,
        totalMinor: l.totalMinor,
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        days: l.days,
        blockFrom: l.blockFrom ?? null,
        blockTo: l.blockTo ?? null,
      })),
    );
    await writeAudit(tx, {
      actor: params.actor,
      action: "bill.issue",
      entityType: "bill",
      entityId: bill.id,
      after: {
        billNo,
        ...(params.replacesBillId ? { replacesBillId: params.replacesBillId } : {}),
        periodStart,
        periodEnd,
        totalMinor: totalBeforeTaxMinor + taxMinor,
        estimated: !real,
      },
    });
    if (params.runId)
      await tx.execute(sql`
        update billing_runs set bills_created = bills_created + 1,
          bills_estimated = bills_estimated + ${real ? 0 : 1}
        where id = ${params.runId}`);
    return { kind: "created", billId: bill.id, billNo, estimated: !real };
  });
}
