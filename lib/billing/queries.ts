import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  accountContracts,
  billLines,
  bills,
  contracts,
  contractTariffs,
  tariffs,
  customers,
  meters,
  paymentAllocations,
  payments,
  premises,
  tariffVersions,
  type Bill,
  type BillLine,
} from "@/db/schema";
import { isUuid } from "@/lib/validation/ids";
import type { BillExplanation } from "./bill-contract";
import { amountDueMinor, billPaymentStatus, type BillPaymentStatus } from "./status";

/**
 * Money allocated to a bill by payments that went through, net of refunds (a refund appends
 * negative allocations and a fully refunded payment is "refunded"): the same rule as the
 * ledger's dueByBill (lib/payments/ledger.ts).
 */
const paidMinorSql = sql<number>`coalesce((
  select sum(pa.amount_minor) from ${paymentAllocations} pa
  join ${payments} p on p.id = pa.payment_id
  where pa.bill_id = ${bills.id} and p.status in ('succeeded', 'refunded')), 0)::bigint`.mapWith(
  Number,
);

export type BillSummary = Pick<
  Bill,
  | "id"
  | "billNo"
  | "contractId"
  | "periodStart"
  | "periodEnd"
  | "days"
  | "issuedAt"
  | "dueDate"
  | "status"
  | "estimated"
  | "readingType"
  | "consumption"
  | "unit"
  | "currency"
  | "totalMinor"
  | "paymentReference"
> & {
  contractNo: string;
  service: "electricity" | "water" | "sanitation";
  paidMinor: number;
  amountDueMinor: number;
  paymentStatus: BillPaymentStatus;
};

const summaryColumns = {
  id: bills.id,
  billNo: bills.billNo,
  contractId: bills.contractId,
  periodStart: bills.periodStart,
  periodEnd: bills.periodEnd,
  days: bills.days,
  issuedAt: bills.issuedAt,
  dueDate: bills.dueDate,
  status: bills.status,
  estimated: bills.estimated,
  readingType: bills.readingType,
  consumption: bills.consumption,
  unit: bills.unit,
  currency: bills.currency,
  totalMinor: bills.totalMinor,
  paymentReference: bills.paymentReference,
  contractNo: contracts.contractNo,
  service: contracts.service,
  paidMinor: paidMinorSql,
};

function summarise(
  row: Omit<BillSummary, "amountDueMinor" | "paymentStatus">,
  today: string,
): BillSummary {
  return {
    ...row,
    amountDueMinor: amountDueMinor(row),
    paymentStatus: billPaymentStatus({ ...row, today }),
  };
}

export type BillFilter = {
  contractId?: string;
  status?: BillPaymentStatus;
  from?: string;
  to?: string;
};

/** Where a payment status is decided in SQL, so filters and pagination agree with the badges. */
function statusSql(status: BillPaymentStatus, today: string): SQL {
  switch (status) {
    case "cancelled":
      return sql`${bills.status} = 'cancelled'`;
    case "paid":
      return sql`${bills.status} = 'issued' and ${paidMinorSql} >= ${bills.totalMinor}`;
    case "overdue":
      return sql`${bills.status} = 'issued' and ${paidMinorSql} < ${bills.totalMinor} and ${bills.dueDate} < ${today}`;
    case "partly_paid":
      return sql`${bills.status} = 'issued' and ${paidMinorSql} > 0 and ${paidMinorSql} < ${bills.totalMinor} and ${bills.dueDate} >= ${today}`;
    case "unpaid":
      return sql`${bills.status} = 'issued' and ${paidMinorSql} = 0 and ${bills.dueDate} >= ${today}`;
  }
}

/**
 * The bills of the contracts an account has linked, newest first. The account is in the WHERE
 * clause: a contract that is not the caller's gives an empty list, never someone else's bills.
 */
export async function listCustomerBills(
  db: DbOrTx,
  params: BillFilter & {
    userId: string;
    today: string;
    limit?: number;
    /** Keyset pagination (the API's cursor): bills strictly after this one in list order. */
    after?: { periodEnd: string; id: string };
  },
): Promise<BillSummary[]> {
  if (params.contractId && !isUuid(params.contractId)) return [];
  const rows = await db
    .select(summaryColumns)
    .from(bills)
    .innerJoin(contracts, eq(contracts.id, bills.contractId))
    .innerJoin(
      accountContracts,
      and(
        eq(accountContracts.contractId, bills.contractId),
        eq(accountContracts.userId, params.userId),
      ),
    )
    .where(
      and(
        params.contractId ? eq(bills.contractId, params.contractId) : undefined,
        params.status ? statusSql(params.status, params.today) : undefined,
        params.from ? gte(bills.periodEnd, params.from) : undefined,
        params.to ? lte(bills.periodStart, params.to) : undefined,
        params.after
          ? sql`(${bills.periodEnd}, ${bills.id}) < (${params.after.periodEnd}, ${params.after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(bills.periodEnd), desc(bills.id))
    .limit(params.limit ?? 200);
  return rows.map((r) => summarise(r, params.today));
}

export type BillDetail = BillSummary & {
  bill: Bill;
  lines: (BillLine & { effectiveFrom: string | null })[];
  contract: {
    id: string;
    contractNo: string;
    service: string;
    category: string;
    customerId: string;
  };
  customer: { name: string; customerCode: string };
  premise: { addressLine: string; city: string; zone: string };
  meter: { serial: string; calibre: string | null } | null;
  /** The meters a swap during the period removed (the explanation names them by id). */
  oldMeters: { id: string; serial: string }[];
  previous: BillSummary | null;
  sameTimeLastYear: BillSummary | null;
  history: {
    periodStart: string;
    periodEnd: string;
    consumption: string;
    days: number;
    estimated: boolean;
  }[];
  /** Unpaid amounts of the contract's earlier bills. */
  arrearsMinor: number;
  /** The previous live bill's explanation and lines, for "what changed". */
  previousFull: { bill: Bill; lines: BillLine[] } | null;
  /** Cancel-and-reissue links both ways. */
  replaces: { id: string; billNo: string } | null;
  replacedBy: { id: string; billNo: string } | null;
};

/**
 * One bill with everything its page and PDF show. `access` decides who may see it, in the
 * query itself: a customer through their linked contracts, staff any bill. A bill outside the
 * caller's reach is `null`, exactly like one that does not exist.
 */
export async function getBillDetail(
  db: DbOrTx,
  params: { billId: string; access: { userId: string } | "staff"; today: string },
): Promise<BillDetail | null> {
  if (!isUuid(params.billId)) return null;
  const base = db
    .select({
      ...summaryColumns,
      bill: bills,
      customer: customers,
      premise: premises,
      contract: contracts,
    })
    .from(bills)
    .innerJoin(contracts, eq(contracts.id, bills.contractId))
    .innerJoin(customers, eq(customers.id, contracts.customerId))
    .innerJoin(premises, eq(premises.id, contracts.premiseId));
  const [row] =
    params.access === "staff"
      ? await base.where(eq(bills.id, params.billId))
      : await base
          .innerJoin(
            accountContracts,
            and(
              eq(accountContracts.contractId, bills.contractId),
              eq(accountContracts.userId, params.access.userId),
            ),
          )
          .where(eq(bills.id, params.billId));
  if (!row) return null;
  const { bill, customer, premise, contract, ...summary } = row;

  const lines = await db
    .select({ line: billLines, effectiveFrom: tariffVersions.effectiveFrom })
    .from(billLines)
    .leftJoin(tariffVersions, eq(tariffVersions.id, billLines.tariffVersionId))
    .where(eq(billLines.billId, bill.id))
    .orderBy(asc(billLines.position));
  const [meter] = bill.meterId
    ? await db
        .select({ serial: meters.serial, calibre: meters.calibre })
        .from(meters)
        .where(eq(meters.id, bill.meterId))
    : [];
  // A bill across a swap shows each meter's part: the old meter by its serial, as on its dial.
  const oldMeterIds = [
    ...new Set(
      ((bill.explanation as Partial<BillExplanation> | null)?.registers ?? []).flatMap((r) =>
        r.exchange ? [r.exchange.oldMeterId] : [],
      ),
    ),
  ];
  const oldMeters = oldMeterIds.length
    ? await db
        .select({ id: meters.id, serial: meters.serial })
        .from(meters)
        .where(inArray(meters.id, oldMeterIds))
    : [];

  const contractBills = await db
    .select(summaryColumns)
    .from(bills)
    .innerJoin(contracts, eq(contracts.id, bills.contractId))
    .where(and(eq(bills.contractId, bill.contractId), lt(bills.periodStart, bill.periodStart)))
    .orderBy(desc(bills.periodStart))
    .limit(24);
  const earlier = contractBills.map((b) => summarise(b, params.today));
  const live = earlier.filter((b) => b.status === "issued");
  const previous = live[0] ?? null;
  const lastYear = addYears(bill.periodStart, -1);
  const sameTimeLastYear =
    live.find((b) => Math.abs(dayDiff(b.periodStart, lastYear)) <= 10) ?? null;
  const history = [
    {
      periodStart: bill.periodStart,
      periodEnd: bill.periodEnd,
      consumption: bill.consumption,
      days: bill.days,
      estimated: bill.estimated,
    },
    ...live.slice(0, 11).map((b) => ({
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      consumption: b.consumption,
      days: b.days,
      estimated: b.estimated,
    })),
  ].reverse();

  const previousFull = previous
    ? {
        bill: (await db.select().from(bills).where(eq(bills.id, previous.id)))[0]!,
        lines: await db.select().from(billLines).where(eq(billLines.billId, previous.id)),
      }
    : null;
  const [replaces] = bill.replacesBillId
    ? await db
        .select({ id: bills.id, billNo: bills.billNo })
        .from(bills)
        .where(eq(bills.id, bill.replacesBillId))
    : [];
  const [replacedBy] = await db
    .select({ id: bills.id, billNo: bills.billNo })
    .from(bills)
    .where(eq(bills.replacesBillId, bill.id));

  return {
    ...summarise(summary, params.today),
    previousFull,
    replaces: replaces ?? null,
    replacedBy: replacedBy ?? null,
    bill,
    lines: lines.map((l) => ({ ...l.line, effectiveFrom: l.effectiveFrom })),
    contract: {
      id: contract.id,
      contractNo: contract.contractNo,
      service: contract.service,
      category: contract.category,
      customerId: contract.customerId,
    },
    customer: { name: customer.name, customerCode: customer.customerCode },
    premise: { addressLine: premise.addressLine, city: premise.city, zone: premise.zone },
    meter: meter ?? null,
    oldMeters,
    previous,
    sameTimeLastYear,
    history,
    arrearsMinor: live.reduce((sum, b) => sum + b.amountDueMinor, 0),
  };
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);
}

/** Staff bill search: by bill number, contract number or payment reference. */
export async function searchBills(
  db: DbOrTx,
  params: { query: string; today: string; limit?: number },
): Promise<BillSummary[]> {
  const q = params.query
    .trim()
    .toUpperCase()
    .replace(/[\s_./-]/g, "");
  if (!q) return [];
  const rows = await db
    .select(summaryColumns)
    .from(bills)
    .innerJoin(contracts, eq(contracts.id, bills.contractId))
    .where(
      sql`upper(regexp_replace(${bills.billNo}, '[[:space:]_./-]', '', 'g')) = ${q}
        or upper(regexp_replace(${contracts.contractNo}, '[[:space:]_./-]', '', 'g')) = ${q}
        or ${bills.paymentReference} = ${q}`,
    )
    .orderBy(desc(bills.periodEnd))
    .limit(params.limit ?? 50);
  return rows.map((r) => summarise(r, params.today));
}

export type StatementRow = {
  date: string;
  kind: "bill" | "payment" | "cancellation";
  reference: string;
  debitMinor: number;
  creditMinor: number;
  balanceMinor: number;
  billId?: string;
};

export type Statement = {
  contractId: string;
  contractNo: string;
  currency: string;
  from: string;
  to: string;
  openingMinor: number;
  closingMinor: number;
  rows: StatementRow[];
};

/**
 * The account statement (relevé de compte) of one linked contract over a date range: bills are
 * debits on their issue date, payments credits on their receipt date, with a running balance
 * that starts from everything before `from`. A positive balance is owed; a negative one is a
 * credit (an overpayment).
 */
export async function contractStatement(
  db: DbOrTx,
  params: {
    access: { userId: string } | "staff";
    contractId: string;
    from: string;
    to: string;
    /** Dates are the utility's calendar days. */
    timeZone?: string;
  },
): Promise<Statement | null> {
  const timeZone = params.timeZone ?? "Africa/Casablanca";
  if (!isUuid(params.contractId)) return null;
  const owner =
    params.access === "staff"
      ? sql`true`
      : sql`exists (select 1 from ${accountContracts} ac where ac.contract_id = ${contracts.id} and ac.user_id = ${params.access.userId})`;
  const [contract] = await db
    .select({ id: contracts.id, contractNo: contracts.contractNo })
    .from(contracts)
    .where(and(eq(contracts.id, params.contractId), owner));
  if (!contract) return null;

  const movements = await db.execute<{
    day: string;
    kind: "bill" | "payment";
    reference: string;
    debit: string;
    credit: string;
    bill_id: string | null;
    currency: string;
  }>(sql`
    select to_char(b.issued_at at time zone ${timeZone}, 'YYYY-MM-DD') as day, 'bill' as kind,
           b.bill_no as reference, b.total_minor as debit, 0 as credit, b.id as bill_id, b.currency
    from ${bills} b where b.contract_id = ${contract.id} and b.status = 'issued'
    union all
    -- A payment credits this contract with what it settled on the contract's bills, plus the
    -- money it left as a credit when it was made for this contract (one payment may settle a
    -- water and an electricity bill at once). Refunds come back as allocations below zero.
    select to_char(p.received_at at time zone ${timeZone}, 'YYYY-MM-DD'), 'payment',
           coalesce(p.receipt_no, p.provider_ref), 0,
           coalesce((select sum(pa.amount_minor) from ${paymentAllocations} pa
                     join ${bills} b on b.id = pa.bill_id
                     where pa.payment_id = p.id and b.contract_id = ${contract.id}), 0)
           + case when p.contract_id = ${contract.id}
               then p.amount_minor - p.refunded_minor - coalesce((select sum(pa.amount_minor)
                      from ${paymentAllocations} pa where pa.payment_id = p.id), 0)
               else 0 end,
           null, p.currency
    from ${payments} p
    where p.status in ('succeeded', 'refunded')
      and (p.contract_id = ${contract.id} or exists (
        select 1 from ${paymentAllocations} pa join ${bills} b on b.id = pa.bill_id
        where pa.payment_id = p.id and b.contract_id = ${contract.id}))
    order by 1, 2`);
  let balance = 0;
  let opening = 0;
  const rows: StatementRow[] = [];
  let currency = "MAD";
  for (const m of movements.rows) {
    currency = m.currency;
    const debit = Number(m.debit);
    const credit = Number(m.credit);
    balance += debit - credit;
    if (m.day < params.from) {
      opening = balance;
      continue;
    }
    if (m.day > params.to) break;
    rows.push({
      date: m.day,
      kind: m.kind,
      reference: m.reference,
      debitMinor: debit,
      creditMinor: credit,
      balanceMinor: balance,
      billId: m.bill_id ?? undefined,
    });
  }
  return {
    contractId: contract.id,
    contractNo: contract.contractNo,
    currency,
    from: params.from,
    to: params.to,
    openingMinor: opening,
    closingMinor: rows.at(-1)?.balanceMinor ?? opening,
    rows,
  };
}

/** Consumption per billed period of a linked contract, oldest first (the CSV download). */
export async function consumptionHistory(
  db: DbOrTx,
  params: { access: { userId: string } | "staff"; contractId: string },
) {
  if (!isUuid(params.contractId)) return null;
  const owner =
    params.access === "staff"
      ? sql`true`
      : sql`exists (select 1 from ${accountContracts} ac where ac.contract_id = ${bills.contractId} and ac.user_id = ${params.access.userId})`;
  return db
    .select({
      billNo: bills.billNo,
      periodStart: bills.periodStart,
      periodEnd: bills.periodEnd,
      days: bills.days,
      consumption: bills.consumption,
      unit: bills.unit,
      readingType: bills.readingType,
      previousIndex: bills.previousIndex,
      newIndex: bills.newIndex,
      totalMinor: bills.totalMinor,
      currency: bills.currency,
      status: bills.status,
      dueDate: bills.dueDate,
    })
    .from(bills)
    .where(and(eq(bills.contractId, params.contractId), owner))
    .orderBy(asc(bills.periodStart), asc(bills.issuedAt));
}

/** Ids of the given bills that belong to the account's contracts (for payments, exports). */
export async function ownedBillIds(
  db: DbOrTx,
  params: { userId: string; billIds: string[] },
): Promise<string[]> {
  const ids = params.billIds.filter(isUuid);
  if (!ids.length) return [];
  const rows = await db
    .select({ id: bills.id })
    .from(bills)
    .innerJoin(
      accountContracts,
      and(
        eq(accountContracts.contractId, bills.contractId),
        eq(accountContracts.userId, params.userId),
      ),
    )
    .where(inArray(bills.id, ids));
  return rows.map((r) => r.id);
}

/** The names of the grids a contract is billed with, in one language ("Electricity – residential"). */
export async function contractTariffNames(
  db: DbOrTx,
  params: { contractId: string; locale: "ar" | "fr" | "en" },
): Promise<string> {
  const rows = await db
    .select({ ar: tariffs.nameAr, fr: tariffs.nameFr, en: tariffs.nameEn })
    .from(contractTariffs)
    .innerJoin(tariffs, eq(tariffs.id, contractTariffs.tariffId))
    .where(eq(contractTariffs.contractId, params.contractId))
    .orderBy(asc(tariffs.code));
  return rows.map((r) => r[params.locale]).join(" + ");
}
