import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import {
  accountContracts,
  contracts,
  customers,
  meterExchanges,
  meterRegisters,
  meters,
  premises,
  readings,
  type ExchangeRegister,
} from "@/db/schema";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/intake/idempotency";
import { getUtility } from "@/lib/utility/get-utility";
import { canonicalCode } from "@/lib/validation/fields";
import { canonicalSql } from "@/lib/validation/canonical-sql";
import { isUuid } from "@/lib/validation/ids";
import { departmentStaffScope, worksInDepartment, type Staff } from "@/lib/workflow/access";
import { wallClockToInstant } from "@/lib/workflow/wall-clock";
import { exchangeFigures, type MeterExchangeInput } from "./exchange-schema";
import { parseIndex } from "./parse-index";
import { localDate } from "./reading-window";
import type { RegisterName } from "./schemas";

/** The department whose clerks and supervisors record meter swaps. */
export const METERING_DEPARTMENT = "metering";

/** "This member of staff works in the metering department", for the exchange queries. */
export function meteringStaffScope(staff: Staff) {
  return departmentStaffScope(staff, METERING_DEPARTMENT);
}

/** True when the staff member may record meter exchanges (the page shows or 404s on it). */
export async function isMeteringStaff(db: DbOrTx, staff: Staff): Promise<boolean> {
  return worksInDepartment(db, staff, METERING_DEPARTMENT);
}

/** A contract's current meter as the exchange screen shows it. */
export type ExchangeLookup = {
  contract: {
    id: string;
    contractNo: string;
    service: "electricity" | "water" | "sanitation";
    customerName: string;
    addressLine: string;
    city: string;
  };
  meter: {
    id: string;
    serial: string;
    dials: number;
    installedAt: string;
    registers: { name: RegisterName; lastIndex: number | null; lastReadAt: Date | null }[];
  } | null;
  /** Earlier swaps of this contract, newest first. */
  exchanges: { exchangedOn: string; oldSerial: string; newSerial: string }[];
};

/**
 * A contract by its printed number (canonical form) with its current meter, for metering staff;
 * null when it is unknown or terminated. Anyone else gets FORBIDDEN.
 */
export async function findContractForExchange(
  db: DbOrTx,
  staff: Staff,
  contractNo: string,
): Promise<ExchangeLookup | null> {
  if (!(await isMeteringStaff(db, staff))) throw new AppError("FORBIDDEN", "metering staff only");
  const [contract] = await db
    .select({
      id: contracts.id,
      contractNo: contracts.contractNo,
      service: contracts.service,
      customerName: customers.name,
      addressLine: premises.addressLine,
      city: premises.city,
    })
    .from(contracts)
    .innerJoin(customers, eq(customers.id, contracts.customerId))
    .innerJoin(premises, eq(premises.id, contracts.premiseId))
    .where(
      and(
        sql`${canonicalSql(contracts.contractNo)} = ${canonicalCode(contractNo)}`,
        sql`${contracts.status} <> 'terminated'`,
      ),
    );
  if (!contract) return null;
  const [meter] = await db
    .select({
      id: meters.id,
      serial: meters.serial,
      dials: meters.dials,
      installedAt: meters.installedAt,
    })
    .from(meters)
    .where(and(eq(meters.contractId, contract.id), eq(meters.active, true)));
  const registers = meter ? await lastReadings(db, meter.id) : [];
  const exchanges = await db
    .select({
      exchangedOn: meterExchanges.exchangedOn,
      // Qualified by hand: a one-table select leaves Drizzle's columns unqualified.
      oldSerial: sql<string>`(select m.serial from meters m where m.id = meter_exchanges.old_meter_id)`,
      newSerial: sql<string>`(select m.serial from meters m where m.id = meter_exchanges.new_meter_id)`,
    })
    .from(meterExchanges)
    .where(eq(meterExchanges.contractId, contract.id))
    .orderBy(desc(meterExchanges.exchangedOn), desc(meterExchanges.createdAt));
  return {
    contract,
    meter: meter
      ? {
          ...meter,
          registers: registers.map((r) => ({
            name: r.name,
            lastIndex: r.lastIndex,
            lastReadAt: r.lastReadAt,
          })),
        }
      : null,
    exchanges,
  };
}

type RegisterState = {
  id: string;
  name: RegisterName;
  initialIndex: number;
  lastIndex: number | null;
  lastReadAt: Date | null;
};

// Each register of a meter with its last counted (accepted) reading.
async function lastReadings(db: DbOrTx, meterId: string): Promise<RegisterState[]> {
  const rows = await db
    .select({
      id: meterRegisters.id,
      name: meterRegisters.name,
      initialIndex: meterRegisters.initialIndex,
      last: sql<{ index: number; readAt: string } | null>`(
        select json_build_object('index', r.index, 'readAt', r.read_at)
        from ${readings} r
        -- Spelled out: in a one-table select Drizzle leaves columns unqualified, and a bare
        -- "id" here would be the reading's own.
        where r.register_id = meter_registers.id and r.status = 'accepted'
        order by r.read_at desc limit 1)`,
    })
    .from(meterRegisters)
    .where(eq(meterRegisters.meterId, meterId))
    .orderBy(asc(meterRegisters.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    initialIndex: Number(r.initialIndex),
    lastIndex: r.last ? Number(r.last.index) : null,
    lastReadAt: r.last ? new Date(r.last.readAt) : null,
  }));
}

/** The instant a local calendar day starts in `timeZone` (the day is a valid YYYY-MM-DD). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return wallClockToInstant(`${date}T00:00`, timeZone)!;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** What recordMeterExchange created. */
export type ExchangeRecorded = { exchangeId: string; newMeterId: string };

/**
 * Record a meter swap, all or nothing, in one transaction: the old meter must be the contract's
 * current one, the date neither in the future nor before its last reading (local dates in the
 * utility's time zone), each final index no lower than the register's last counted index, and
 * the new serial not used by any meter (compared canonically). Then the old meter is removed on
 * that date, its final index stored as an accepted agent reading of each register (the agent who
 * fitted the new meter read the old one; history and billing see it), the new meter and its
 * registers created with their initial indexes, the swap's figures kept in meter_exchanges for
 * the reading checks and billing, and one audit row written. Any refusal throws an AppError
 * whose fields name the offending input, before anything is kept.
 */
export async function recordMeterExchange(
  db: Db,
  staff: Staff,
  input: MeterExchangeInput,
  meta?: RequestMeta,
  now = new Date(),
): Promise<ExchangeRecorded> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await isMeteringStaff(tx, staff)))
        throw new AppError("FORBIDDEN", "metering staff only");
      const [contract] = await tx
        .select({ id: contracts.id, status: contracts.status })
        .from(contracts)
        .where(sql`${canonicalSql(contracts.contractNo)} = ${input.contractNo}`)
        .for("update");
      if (!contract || contract.status === "terminated")
        throw new AppError("NOT_FOUND", "unknown contract", { contractNo: "contractNotFound" });
      if (!isUuid(input.oldMeterId))
        throw new AppError("VALIDATION_FAILED", "bad meter id", { oldMeterId: "invalid" });

      // The contract row is locked, so two clerks swapping the same meter queue here, and the
      // second one finds the meter already gone.
      const [old] = await tx
        .select()
        .from(meters)
        .where(and(eq(meters.contractId, contract.id), eq(meters.active, true)));
      if (!old || old.id !== input.oldMeterId)
        throw new AppError("CONFLICT", "not the current meter", { oldMeterId: "meterNotCurrent" });

      const { timeZone } = await getUtility(tx);
      const today = localDate(now, timeZone);
      const fields: Record<string, string> = {};
      if (input.exchangedOn > today) fields.exchangedOn = "in_future";
      else if (input.exchangedOn < old.installedAt) fields.exchangedOn = "beforeInstallation";

      const registers = await lastReadings(tx, old.id);
      const figures: (Omit<ExchangeRegister, "oldFinalReadingId"> & { registerId: string })[] = [];
      for (const register of registers) {
        const typed = exchangeFigures(input, register.name);
        const final = parseIndex(typed.final, old.dials);
        const initial = parseIndex(typed.initial, input.newDials);
        if (!final.ok) fields[`final_${register.name}`] = final.error;
        if (!initial.ok) fields[`initial_${register.name}`] = initial.error;
        if (
          register.lastReadAt &&
          !fields.exchangedOn &&
          localDate(register.lastReadAt, timeZone) > input.exchangedOn
        )
          fields.exchangedOn = "exchangeBeforeLastReading";
        if (!final.ok || !initial.ok) continue;
        const previous = register.lastIndex ?? register.initialIndex;
        // A drop is refused rather than read as a rollover: a clerk types the figure from the
        // agent's sheet, and a typo must not become a bill for a full turn of the dials.
        if (final.value < previous) {
          fields[`final_${register.name}`] = "finalBelowLast";
          continue;
        }
        figures.push({
          registerId: register.id,
          name: register.name,
          oldPreviousIndex: previous,
          oldFinalIndex: final.value,
          newInitialIndex: initial.value,
        });
      }

      const [taken] = await tx
        .select({ id: meters.id })
        .from(meters)
        .where(sql`${canonicalSql(meters.serial)} = ${canonicalCode(input.newSerial)}`);
      if (taken) fields.newSerial = "serialTaken";
      if (Object.keys(fields).length)
        throw new AppError("VALIDATION_FAILED", "meter exchange refused", fields);

      // The final reading sorts after every reading of that day: the swap closes the old meter.
      // A swap recorded the same day is read now (never in the future).
      const readAt =
        input.exchangedOn === today
          ? now
          : new Date(startOfLocalDay(nextDay(input.exchangedOn), timeZone).getTime() - 1000);

      await tx
        .update(meters)
        .set({ active: false, removedAt: input.exchangedOn })
        .where(eq(meters.id, old.id));
      const [fitted] = await tx
        .insert(meters)
        .values({
          contractId: contract.id,
          serial: input.newSerial,
          dials: input.newDials,
          calibre: old.calibre,
          installedAt: input.exchangedOn,
        })
        .returning({ id: meters.id });
      await tx.insert(meterRegisters).values(
        figures.map((f) => ({
          meterId: fitted!.id,
          name: f.name,
          initialIndex: f.newInitialIndex,
        })),
      );
      const finals = await tx
        .insert(readings)
        .values(
          figures.map((f) => ({
            registerId: f.registerId,
            index: f.oldFinalIndex,
            readAt,
            source: "agent" as const,
            status: "accepted" as const,
            submittedBy: staff.id,
            note: "meter_exchange",
            consumption: f.oldFinalIndex - f.oldPreviousIndex,
          })),
        )
        .returning({ id: readings.id, registerId: readings.registerId });
      const stored: ExchangeRegister[] = figures.map(({ registerId, ...f }) => ({
        ...f,
        oldFinalReadingId: finals.find((r) => r.registerId === registerId)!.id,
      }));
      const [exchange] = await tx
        .insert(meterExchanges)
        .values({
          contractId: contract.id,
          oldMeterId: old.id,
          newMeterId: fitted!.id,
          exchangedOn: input.exchangedOn,
          registers: stored,
          recordedBy: staff.id,
        })
        .returning({ id: meterExchanges.id });
      await writeAudit(tx, {
        actor: {
          kind: "user",
          userId: staff.id,
          role: staff.role as "clerk" | "supervisor" | "admin",
        },
        action: "meter.exchange",
        entityType: "meter_exchange",
        entityId: exchange!.id,
        before: { meterId: old.id, serial: old.serial, active: true, removedAt: null },
        after: {
          contractId: contract.id,
          exchangedOn: input.exchangedOn,
          oldMeterId: old.id,
          newMeterId: fitted!.id,
          newSerial: input.newSerial,
          newDials: input.newDials,
          registers: stored,
        },
        meta,
      });
      return { exchangeId: exchange!.id, newMeterId: fitted!.id };
    });
  } catch (error) {
    // Another clerk fitted a meter with this serial between our check and our insert.
    if (isUniqueViolation(error))
      throw new AppError("VALIDATION_FAILED", "serial in use", { newSerial: "serialTaken" });
    throw error;
  }
}

/** The swap that brought a meter onto its contract, when it came by an exchange. */
export type ArrivalExchange = {
  oldMeterId: string;
  exchangedOn: string;
  registers: ExchangeRegister[];
};

/**
 * A linked contract's meter swaps for the customer's history, newest first: the date and both
 * serials. Scoped by account like the readings: a foreign contract yields nothing.
 */
export async function listContractExchanges(
  db: DbOrTx,
  params: { userId: string; contractId: string },
): Promise<{ id: string; exchangedOn: string; oldSerial: string; newSerial: string }[]> {
  if (!isUuid(params.contractId)) return [];
  return db
    .select({
      id: meterExchanges.id,
      exchangedOn: meterExchanges.exchangedOn,
      oldSerial: sql<string>`(select m.serial from meters m where m.id = ${meterExchanges.oldMeterId})`,
      newSerial: sql<string>`(select m.serial from meters m where m.id = ${meterExchanges.newMeterId})`,
    })
    .from(meterExchanges)
    .innerJoin(accountContracts, eq(accountContracts.contractId, meterExchanges.contractId))
    .where(
      and(
        eq(accountContracts.userId, params.userId),
        eq(meterExchanges.contractId, params.contractId),
      ),
    )
    .orderBy(desc(meterExchanges.exchangedOn));
}
