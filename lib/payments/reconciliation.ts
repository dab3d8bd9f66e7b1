import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Reconciliation: what each provider brought in per day, to compare with the bank statements
 * and the providers' reports, and the ledger entries that need someone's attention.
 */

export type ProviderDay = {
  day: string;
  provider: string;
  currency: string;
  count: number;
  totalMinor: number;
};

/**
 * Payments that went through per provider and local day of receipt, between two dates
 * (inclusive), newest day first.
 */
export async function paymentsByProviderAndDay(
  db: DbOrTx,
  params: { from: string; to: string; timeZone: string },
): Promise<ProviderDay[]> {
  const result = await db.execute<{
    day: string;
    provider: string;
    currency: string;
    count: number;
    total_minor: string;
  }>(sql`
    select to_char((p.received_at at time zone ${params.timeZone})::date, 'YYYY-MM-DD') as day,
      p.provider::text as provider, p.currency, count(*)::int as count,
      sum(p.amount_minor)::bigint as total_minor
    from payments p
    where p.status in ('succeeded', 'refunded')
      and p.received_at >= (${params.from}::date)::timestamp at time zone ${params.timeZone}
      and p.received_at < (${params.to}::date + 1)::timestamp at time zone ${params.timeZone}
    group by 1, 2, 3
    order by 1 desc, 2, 3`);
  return result.rows.map((r) => ({
    day: r.day,
    provider: r.provider,
    currency: r.currency,
    count: r.count,
    totalMinor: Number(r.total_minor),
  }));
}

export type MismatchKind =
  /** A payment with money not allocated to any bill: a credit on the contract (information). */
  | "credit"
  /** An online checkout pending for over an hour: abandoned, or its webhook was lost. */
  | "stale_pending"
  /** Money allocated to a cancelled bill, or a payment all of whose bills were cancelled. */
  | "cancelled_bill"
  /** A bill whose allocations exceed its total. */
  | "over_allocated";

export type Mismatch = {
  kind: MismatchKind;
  /** "info" needs no action; "action" does. */
  severity: "info" | "action";
  paymentId: string | null;
  provider: string | null;
  receiptNo: string | null;
  billId: string | null;
  billNo: string | null;
  contractNo: string;
  currency: string;
  /** The payment's amount, or the bill's total for an over-allocated bill. */
  amountMinor: number;
  /** The credit, the amount on cancelled bills, or the excess. */
  gapMinor: number;
  /** When the payment was received (or created, for a pending one); the bill's issue. */
  at: Date;
};

type Row = {
  kind: MismatchKind;
  payment_id: string | null;
  provider: string | null;
  receipt_no: string | null;
  bill_id: string | null;
  bill_no: string | null;
  contract_no: string;
  currency: string;
  amount_minor: string;
  gap_minor: string;
  at: Date | string;
};

/** How long an online checkout may stay pending before reconciliation flags it. */
export const STALE_PENDING_MS = 3600_000;

/**
 * Ledger entries to look at, up to `limit` of each kind, most recent first. Counted from the
 * allocations themselves (refunds are negative allocations), never from a stored status.
 */
export async function findMismatches(
  db: DbOrTx,
  params: { now: Date; limit?: number },
): Promise<Mismatch[]> {
  const limit = params.limit ?? 200;
  const staleBefore = new Date(params.now.getTime() - STALE_PENDING_MS);
  const result = await db.execute<Row>(sql`
    (select 'credit' as kind, p.id as payment_id, p.provider::text as provider, p.receipt_no,
        null::uuid as bill_id, null as bill_no, c.contract_no, p.currency,
        p.amount_minor::text as amount_minor,
        (p.amount_minor - p.refunded_minor - coalesce(a.allocated, 0))::text as gap_minor,
        p.received_at as at
      from payments p
      join contracts c on c.id = p.contract_id
      left join lateral (select sum(pa.amount_minor) as allocated from payment_allocations pa
        where pa.payment_id = p.id) a on true
      where p.status in ('succeeded', 'refunded')
        and p.amount_minor - p.refunded_minor - coalesce(a.allocated, 0) > 0
      order by p.received_at desc limit ${limit})
    union all
    (select 'stale_pending', p.id, p.provider::text, p.receipt_no, null, null, c.contract_no,
        p.currency, p.amount_minor::text, p.amount_minor::text, p.created_at
      from payments p
      join contracts c on c.id = p.contract_id
      where p.status = 'pending' and p.provider in ('stripe', 'test')
        and p.created_at < ${staleBefore}
      order by p.created_at desc limit ${limit})
    union all
    (select 'cancelled_bill', p.id, p.provider::text, p.receipt_no, x.bill_id, b.bill_no,
        c.contract_no, p.currency, p.amount_minor::text, x.gap::text, p.received_at
      from payments p
      join contracts c on c.id = p.contract_id
      join lateral (
        -- Net money on each cancelled bill of the payment…
        select pa.bill_id, sum(pa.amount_minor) as gap from payment_allocations pa
          join bills b on b.id = pa.bill_id
          where pa.payment_id = p.id and b.status = 'cancelled'
          group by pa.bill_id having sum(pa.amount_minor) > 0
        union all
        -- …or a payment every one of whose chosen bills was cancelled, the money left unapplied.
        select null, p.amount_minor - p.refunded_minor
          where cardinality(p.bill_ids) > 0
            and not exists (select 1 from bills b where b.id = any(p.bill_ids) and b.status = 'issued')
            and not exists (select 1 from payment_allocations pa join bills b on b.id = pa.bill_id
              where pa.payment_id = p.id and b.status = 'cancelled')
      ) x on true
      left join bills b on b.id = x.bill_id
      where p.status in ('succeeded', 'refunded')
      order by p.received_at desc limit ${limit})
    union all
    (select 'over_allocated', null, null, null, b.id, b.bill_no, c.contract_no, b.currency,
        b.total_minor::text, (s.paid - b.total_minor)::text, b.issued_at
      from bills b
      join contracts c on c.id = b.contract_id
      join lateral (select sum(pa.amount_minor) as paid from payment_allocations pa
        join payments p on p.id = pa.payment_id
        where pa.bill_id = b.id and p.status in ('succeeded', 'refunded')) s on true
      where s.paid > b.total_minor
      order by b.issued_at desc limit ${limit})`);
  return result.rows.map((r) => ({
    kind: r.kind,
    severity: r.kind === "credit" ? "info" : "action",
    paymentId: r.payment_id,
    provider: r.provider,
    receiptNo: r.receipt_no,
    billId: r.bill_id,
    billNo: r.bill_no,
    contractNo: r.contract_no,
    currency: r.currency,
    amountMinor: Number(r.amount_minor),
    gapMinor: Number(r.gap_minor),
    at: r.at instanceof Date ? r.at : new Date(r.at),
  }));
}
