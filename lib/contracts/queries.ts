import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  accountContracts,
  contracts,
  meterRegisters,
  meters,
  premises,
  readings,
  users,
  type Contract,
  type Premise,
  type User,
} from "@/db/schema";
import { canonicalSql } from "@/lib/validation/canonical-sql";
import { isUuid } from "@/lib/validation/ids";

export type RegisterSummary = {
  id: string;
  name: "single" | "day" | "night" | "peak";
  lastIndex: number | null;
  lastReadAt: Date | null;
};
export type MeterSummary = {
  id: string;
  serial: string;
  dials: number;
  registers: RegisterSummary[];
};
export type ContractSummary = Pick<
  Contract,
  "id" | "contractNo" | "service" | "category" | "status" | "startDate"
> & {
  premise: Pick<Premise, "addressLine" | "city" | "zone">;
  meters: MeterSummary[];
};

/** Where a page of contracts resumes: the last contract's sort key. */
export type ContractKey = { service: string; contractNo: string; id: string };

/**
 * The contracts an account has linked, with their active meters and each register's last
 * accepted index. The account is in the WHERE clause, so nothing else can come back.
 */
export async function listAccountContracts(
  db: DbOrTx,
  params: {
    userId: string;
    contractId?: string;
    /** Keyset pagination (the API's cursor): contracts strictly after this one in list order. */
    after?: ContractKey;
    /** No limit by default: the portal's pages show every contract. */
    limit?: number;
  },
): Promise<ContractSummary[]> {
  const after = params.after;
  const listed = db
    .select({ contract: contracts, premise: premises })
    .from(accountContracts)
    .innerJoin(contracts, eq(contracts.id, accountContracts.contractId))
    .innerJoin(premises, eq(premises.id, contracts.premiseId))
    .where(
      and(
        eq(accountContracts.userId, params.userId),
        params.contractId ? eq(contracts.id, params.contractId) : undefined,
        // The parameters take the columns' types: the service compares in the enum's order, as
        // ORDER BY sorts it.
        after
          ? sql`(${contracts.service}, ${contracts.contractNo}, ${contracts.id}) > (${after.service}, ${after.contractNo}, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(asc(contracts.service), asc(contracts.contractNo), asc(contracts.id));
  const rows = await (params.limit === undefined ? listed : listed.limit(params.limit));
  if (!rows.length) return [];

  const contractIds = rows.map((r) => r.contract.id);
  const registerRows = await db
    .select({
      meterId: meters.id,
      contractId: meters.contractId,
      serial: meters.serial,
      dials: meters.dials,
      registerId: meterRegisters.id,
      name: meterRegisters.name,
      last: sql<{ index: number; readAt: string } | null>`(
        select json_build_object('index', r.index, 'readAt', r.read_at)
        from ${readings} r
        where r.register_id = ${meterRegisters.id} and r.status = 'accepted'
        order by r.read_at desc limit 1)`,
    })
    .from(meters)
    .innerJoin(meterRegisters, eq(meterRegisters.meterId, meters.id))
    .where(and(inArray(meters.contractId, contractIds), eq(meters.active, true)))
    .orderBy(asc(meters.serial), asc(meterRegisters.name));

  const metersByContract = new Map<string, Map<string, MeterSummary>>();
  for (const r of registerRows) {
    const byMeter = metersByContract.get(r.contractId) ?? new Map<string, MeterSummary>();
    metersByContract.set(r.contractId, byMeter);
    const meter = byMeter.get(r.meterId) ?? {
      id: r.meterId,
      serial: r.serial,
      dials: r.dials,
      registers: [],
    };
    byMeter.set(r.meterId, meter);
    meter.registers.push({
      id: r.registerId,
      name: r.name,
      lastIndex: r.last ? Number(r.last.index) : null,
      lastReadAt: r.last ? new Date(r.last.readAt) : null,
    });
  }

  return rows.map(({ contract, premise }) => ({
    id: contract.id,
    contractNo: contract.contractNo,
    service: contract.service,
    category: contract.category,
    status: contract.status,
    startDate: contract.startDate,
    premise: { addressLine: premise.addressLine, city: premise.city, zone: premise.zone },
    meters: [...(metersByContract.get(contract.id)?.values() ?? [])],
  }));
}

/** One linked contract, or undefined when the id is unknown or not this account's. */
export async function getAccountContract(
  db: DbOrTx,
  params: { userId: string; contractId: string },
): Promise<ContractSummary | undefined> {
  if (!isUuid(params.contractId)) return undefined;
  const [contract] = await listAccountContracts(db, params);
  return contract;
}

export type ReadingRow = {
  id: string;
  registerName: RegisterSummary["name"];
  meterSerial: string;
  index: number;
  readAt: Date;
  source: "agent" | "self" | "estimated";
  status: "accepted" | "review" | "outside_window" | "rejected";
  consumption: number | null;
  /** Plausibility flags raised on a self-reading (empty for agent readings). */
  flags: string[];
  /** False for a reading outside the window: shown, not billed. */
  usedForBilling: boolean;
  receiptNo: string | null;
  /** readAt at PostgreSQL's microsecond precision, for the API's cursor. */
  readAtKey: string;
};

/** Where a page of readings resumes: the last reading's sort key. */
export type ReadingKey = { readAt: string; register: string; id: string };

/**
 * A linked contract's readings, newest first, with the consumption since the previous accepted
 * reading of the same register. Scoped by account: a foreign contract yields nothing.
 */
export async function listContractReadings(
  db: DbOrTx,
  params: {
    userId: string;
    contractId: string;
    limit?: number;
    /** Keyset pagination (the API's cursor): readings strictly after this one in list order. */
    after?: ReadingKey;
  },
): Promise<ReadingRow[]> {
  // The window runs in a subquery so the consumption of a page's oldest reading still sees the
  // reading before it, whatever the cursor leaves out.
  const all = db
    .select({
      id: readings.id,
      registerName: meterRegisters.name,
      meterSerial: meters.serial,
      index: readings.index,
      readAt: readings.readAt,
      readAtKey:
        sql<string>`to_char(${readings.readAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
          "read_at_key",
        ),
      source: readings.source,
      status: readings.status,
      stored: readings.consumption,
      flags: readings.flags,
      usedForBilling: readings.usedForBilling,
      receiptNo: readings.receiptNo,
      previous: sql<number | null>`lag(${readings.index}) over (
        partition by ${readings.registerId}, ${readings.status} = 'accepted' order by ${readings.readAt})`.as(
        "previous",
      ),
    })
    .from(readings)
    .innerJoin(meterRegisters, eq(meterRegisters.id, readings.registerId))
    .innerJoin(meters, eq(meters.id, meterRegisters.meterId))
    .innerJoin(accountContracts, eq(accountContracts.contractId, meters.contractId))
    .where(
      and(eq(accountContracts.userId, params.userId), eq(meters.contractId, params.contractId)),
    )
    .as("r");
  const after = params.after;
  const rows = await db
    .select()
    .from(all)
    .where(
      // Newest first, then register (in the enum's order, as ORDER BY sorts it) and id
      // ascending: the mixed directions rule out one row comparison, so the keyset is spelled
      // out. The parameters take the columns' types (timestamptz, the enum, uuid).
      after
        ? sql`(${all.readAt} < ${after.readAt} or (${all.readAt} = ${after.readAt}
            and (${all.registerName}, ${all.id}) > (${after.register}, ${after.id})))`
        : undefined,
    )
    .orderBy(desc(all.readAt), asc(all.registerName), asc(all.id))
    .limit(params.limit ?? 24);
  return rows.map(({ previous, stored, ...r }) => ({
    ...r,
    // A self-reading stores what the rules computed (a rollover is not a negative difference);
    // agent readings fall back to the difference with the previous accepted one.
    consumption:
      stored ?? (r.status === "accepted" && previous !== null ? r.index - Number(previous) : null),
  }));
}

/**
 * The first account linked to a contract (by its canonical number), for staff filing on a
 * caller's behalf: the item then shows in that customer's portal. Undefined when none is linked.
 */
export async function findContractAccountHolder(
  db: DbOrTx,
  contractNo: string,
): Promise<{ userId: string; locale: User["locale"] } | undefined> {
  const [owner] = await db
    .select({ userId: users.id, locale: users.locale })
    .from(contracts)
    .innerJoin(accountContracts, eq(accountContracts.contractId, contracts.id))
    .innerJoin(users, eq(users.id, accountContracts.userId))
    .where(sql`${canonicalSql(contracts.contractNo)} = ${contractNo}`)
    .orderBy(asc(accountContracts.linkedAt))
    .limit(1);
  return owner;
}

/**
 * A contract linked to the account, by its printed number in canonical form (as
 * printedCodeField gives it). Someone else's contract and an unknown number are alike: null.
 */
export async function findLinkedContractByNumber(
  db: DbOrTx,
  params: { userId: string; contractNo: string },
): Promise<{ id: string; contractNo: string } | null> {
  const [contract] = await db
    .select({ id: contracts.id, contractNo: contracts.contractNo })
    .from(contracts)
    .innerJoin(accountContracts, eq(accountContracts.contractId, contracts.id))
    .where(
      and(
        eq(accountContracts.userId, params.userId),
        sql`${canonicalSql(contracts.contractNo)} = ${params.contractNo}`,
      ),
    );
  return contract ?? null;
}
