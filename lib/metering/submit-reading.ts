import { createHash } from "node:crypto";
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { Db, Tx } from "@/db/client";
import { readings, requestKinds, users, type ExchangeRegister } from "@/db/schema";
import type { Actor } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { recordFailure, throttleKeys, type ThrottleKey } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { enqueueEmail } from "@/lib/notify/outbox";
import type { Locale } from "@/lib/i18n/locales";
import { fileSubmission } from "@/lib/intake/file-submission";
import {
  findReplay,
  hashRequest,
  isUniqueViolation,
  type IdempotencyKey,
} from "@/lib/intake/idempotency";
import { parseIndex } from "./parse-index";
import {
  evaluateReading,
  type Flag,
  type MeterReplacement,
  type PastReading,
  type Refusal,
} from "./plausibility";
import {
  DEFAULT_READING_WINDOW,
  isInWindow,
  localDate,
  nextWindow,
  readingWindow,
  type ReadingWindowConfig,
} from "./reading-window";
import type { RegisterName, ReadingSubmission } from "./schemas";
import { canonicalSql } from "@/lib/validation/canonical-sql";
import { READING_RECEIPT_PREFIX } from "@/lib/workflow/reserved-prefixes";

/** Prefix of reading receipts: "RL-2026-000042", numbered gap-free per year. */
export const RECEIPT_PREFIX = READING_RECEIPT_PREFIX;

/** What the customer (or the API client) is told: see `POST /api/v1/readings` in API.md. */
export type ReadingReceipt = {
  receiptNo: string;
  status: "accepted" | "review" | "outside_window";
  /** Sum over the submitted registers; null when one of them has no base to subtract from. */
  consumption: number | null;
  flags: Flag[];
  /** Local date (YYYY-MM-DD) the next reading window opens, for outside-window readings. */
  nextWindowOpens?: string;
};

/** Who submits: a signed-in customer, a guest proving the meter serial, or a partner key. */
export type ReadingSubmitter = {
  userId?: string;
  guest?: { ip: string | null };
  partner?: { keyPrefix: string };
  locale: Locale;
};

// How many past readings per register the rules need: three periods for the reference, plus
// the period a year back as the fallback, with room for estimated readings in between.
const HISTORY_DEPTH = 40;

const canonical = canonicalSql;

type ContractRow = {
  id: string;
  service: "electricity" | "water" | "sanitation";
  zone: string;
  startDate: string;
};

/** A register of the active meter with its last counted readings, newest first. */
type RegisterRow = {
  id: string;
  name: RegisterName;
  initialIndex: number;
  history: (Omit<PastReading, "meterId"> & { readAtExact: string })[];
};

/**
 * The swap that brought the active meter (lib/metering/meter-exchange.ts), with the old meter's
 * counted readings per register before its final index, newest first.
 */
type ArrivalExchange = {
  oldMeterId: string;
  exchangedOn: string;
  registers: ExchangeRegister[];
  oldHistory: { name: RegisterName; history: Omit<PastReading, "meterId">[] }[];
};

/** Everything the checks need, read in one statement (see loadContext). */
type SubmissionContext = {
  /** A guest's address or the contract named is throttled after too many wrong pairs. */
  locked: boolean;
  timeZone: string;
  contract: ContractRow | null;
  meter: { id: string; serial: string; dials: number } | null;
  photo: { owner: string | null } | null;
  registers: RegisterRow[];
  exchange: ArrivalExchange | null;
  schedule: { config: ReadingWindowConfig; dates: string[] };
};

/** Where a refusal is shown: the index field of its register, the serial, or the date. */
function refusalField(refusal: Refusal, position: number): string {
  if (refusal === "wrong_serial") return "meterSerial";
  if (refusal === "in_future" || refusal === "before_contract" || refusal === "before_previous")
    return "readAt";
  return `readings.${position}.index`;
}

/** The throttle keys of a guest submission: their address and the contract they name. */
function guestKeys(input: ReadingSubmission, who: ReadingSubmitter): ThrottleKey[] {
  return [throttleKeys.ip(who.guest?.ip ?? null), throttleKeys.readingContract(input.contractNo)];
}

/**
 * One round trip for every read the checks need: the throttle state (guests), the utility's
 * time zone, the contract the submitter may read, its active meter, the meter's registers with
 * their last HISTORY_DEPTH counted readings, the photo's owner, and the zone's window settings
 * and scheduled dates. Each of these used to be a statement of its own (about ten per
 * submission), and statements, not rows, are what the web tier spends its CPU on.
 *
 * The caller's scope is in the contract's WHERE clause, so someone else's contract is not found:
 * a customer's linked contract, a guest's contract whose active meter carries the serial
 * (compared canonically exactly as link-contract.ts does), or any contract for a partner key
 * (its serial is checked by the rules like everyone else's).
 */
async function loadContext(
  db: Db,
  input: ReadingSubmission,
  who: ReadingSubmitter,
): Promise<SubmissionContext> {
  const isGuest = !who.userId && !who.partner;
  const scope = who.userId
    ? sql`exists (select 1 from account_contracts ac where ac.contract_id = c.id and ac.user_id = ${who.userId})`
    : who.partner
      ? sql`true`
      : sql`exists (select 1 from meters gm where gm.contract_id = c.id and gm.active
          and ${canonical(sql`gm.serial`)} = ${input.meterSerial})`;
  const throttled = isGuest
    ? sql`exists (select 1 from auth_throttle t
        where t.key in (select json_array_elements_text(${JSON.stringify(guestKeys(input, who).map((k) => k.key))}::json))
          and t.locked_until > now())`
    : sql`false`;
  const photo = input.photoFileId
    ? sql`(select json_build_object('owner', f.uploaded_by_user_id) from files f where f.id = ${input.photoFileId}::uuid)`
    : sql`null::json`;
  const { rows } = await db.$client.query<{
    locked: boolean;
    time_zone: string | null;
    contract: {
      id: string;
      service: ContractRow["service"];
      zone: string;
      start_date: string;
    } | null;
    meter: { id: string; serial: string; dials: number } | null;
    photo: { owner: string | null } | null;
    registers: {
      id: string;
      name: RegisterName;
      initialIndex: number;
      history: { index: number; readAt: string; source: PastReading["source"] }[];
    }[];
    exchange: {
      oldMeterId: string;
      exchangedOn: string;
      registers: ExchangeRegister[];
      oldHistory: {
        name: RegisterName;
        history: { index: number; readAt: string; source: PastReading["source"] }[];
      }[];
    } | null;
    zone_window: ReadingWindowConfig | null;
    schedule: string[];
  }>(
    prepared(sql`
    with c as (
      select c.id, c.service, p.zone, c.start_date
      from contracts c join premises p on p.id = c.premise_id
      where ${canonical(sql`c.contract_no`)} = ${input.contractNo}
        and c.status <> 'terminated' and ${scope}
      limit 1
    ), m as (
      select m.id, m.serial, m.dials from meters m join c on m.contract_id = c.id
      where m.active limit 1
    )
    select
      ${throttled} as locked,
      (select u.time_zone from utilities u limit 1) as time_zone,
      (select row_to_json(c) from c) as contract,
      (select row_to_json(m) from m) as meter,
      ${photo} as photo,
      (select coalesce(json_agg(json_build_object(
          'id', r.id, 'name', r.name, 'initialIndex', r.initial_index,
          -- Only readings that count: one in review or outside the window is no base for billing.
          'history', (select coalesce(json_agg(json_build_object(
                'index', h."index", 'readAt', h.read_at, 'source', h.source)
                order by h.read_at desc), '[]'::json)
              from (select rd."index", rd.read_at, rd.source from readings rd
                where rd.register_id = r.id and rd.status = 'accepted'
                order by rd.read_at desc limit ${HISTORY_DEPTH}) h))), '[]'::json)
        from meter_registers r join m on r.meter_id = m.id) as registers,
      -- A meter fitted by an exchange: the old meter's counted readings before its final index,
      -- so that a first reading of the new meter is checked across both (one index lookup,
      -- and nothing more for a meter that came any other way).
      (select json_build_object('oldMeterId', x.old_meter_id, 'exchangedOn', x.exchanged_on,
          'registers', x.registers,
          'oldHistory', (select coalesce(json_agg(json_build_object('name', o.name,
              'history', (select coalesce(json_agg(json_build_object(
                    'index', h."index", 'readAt', h.read_at, 'source', h.source)
                    order by h.read_at desc), '[]'::json)
                  from (select rd."index", rd.read_at, rd.source from readings rd
                    where rd.register_id = o.id and rd.status = 'accepted'
                      and rd.id::text not in (
                        select f->>'oldFinalReadingId' from jsonb_array_elements(x.registers) f)
                    order by rd.read_at desc limit ${HISTORY_DEPTH}) h))), '[]'::json)
            from meter_registers o where o.meter_id = x.old_meter_id))
        from meter_exchanges x join m on x.new_meter_id = m.id) as exchange,
      (select json_build_object('daysBefore', w.days_before, 'daysAfter', w.days_after)
        from reading_windows w join c on w.zone = c.zone) as zone_window,
      (select coalesce(json_agg(s.scheduled_date order by s.scheduled_date), '[]'::json)
        from reading_schedules s join c on s.zone = c.zone) as schedule
  `),
  );
  const row = rows[0]!;
  return {
    locked: row.locked,
    timeZone: row.time_zone ?? "Africa/Casablanca",
    contract: row.contract && {
      id: row.contract.id,
      service: row.contract.service,
      zone: row.contract.zone,
      startDate: row.contract.start_date,
    },
    meter: row.meter,
    photo: row.photo,
    registers: row.registers.map((r) => ({
      id: r.id,
      name: r.name,
      initialIndex: Number(r.initialIndex),
      history: r.history.map((h) => ({
        index: Number(h.index),
        // Kept as PostgreSQL wrote it (microseconds) for the recheck under the lock.
        readAtExact: h.readAt,
        readAt: new Date(h.readAt),
        source: h.source,
      })),
    })),
    exchange: row.exchange && {
      oldMeterId: row.exchange.oldMeterId,
      exchangedOn: row.exchange.exchangedOn,
      registers: row.exchange.registers,
      oldHistory: row.exchange.oldHistory.map((o) => ({
        name: o.name,
        history: o.history.map((h) => ({
          index: Number(h.index),
          readAt: new Date(h.readAt),
          source: h.source,
        })),
      })),
    },
    schedule: {
      config: row.zone_window ?? DEFAULT_READING_WINDOW,
      dates: row.schedule,
    },
  };
}

type Evaluated = {
  registerId: string;
  name: RegisterName;
  index: number;
  consumption: number | null;
  /**
   * What the row stores: the consumption, less the old meter's part after a swap, which its
   * final reading already carries (the history and the monthly chart would count it twice).
   */
  storedConsumption: number | null;
  flags: Flag[];
  verdict: "accepted" | "review";
  previous: (PastReading & { readAtExact: string }) | undefined;
};

/**
 * Submit a self-reading: identity and access, format, plausibility, reading window; then, in one
 * transaction, the reading rows with a gap-free receipt number and — when a rule flagged it — a
 * reading_review work item in the metering queue through the intake path. Refusals throw before
 * anything is written (READING_REFUSED with the reason under the offending field), so a refused
 * submission consumes no receipt number. With an idempotency key the first answer is replayed;
 * the same key with another body is a CONFLICT.
 *
 * No e-mail receipt yet: the outbox has no reading template, and templates live in the message
 * catalogues, which this change does not touch.
 */
export async function submitReading(
  db: Db,
  input: ReadingSubmission,
  who: ReadingSubmitter,
  meta?: RequestMeta,
  now = new Date(),
): Promise<ReadingReceipt & { replayed: boolean }> {
  const { idempotencyKey, ...body } = input;
  const idempotency: IdempotencyKey | undefined = idempotencyKey
    ? {
        scope: who.userId
          ? `user:${who.userId}`
          : who.partner
            ? `partner:${who.partner.keyPrefix}`
            : `guest:${who.guest?.ip ?? "unknown"}`,
        key: idempotencyKey,
        // A Date hashes as {}: hash its ISO form so that another readAt is another body.
        requestHash: hashRequest({ ...body, readAt: body.readAt?.toISOString() }),
      }
    : undefined;

  for (let attempt = 0; ; attempt++) {
    try {
      // A retry answers from the stored receipt before any check: the first call may have
      // moved the history on (its own reading is now "the previous" one).
      if (idempotency) {
        const replay = await findReplay<ReadingReceipt>(db, idempotency);
        if (replay) return { ...replay.response, replayed: true };
      }
      const receipt = await submitOnce(db, input, who, idempotency, meta, now);
      return { ...receipt, replayed: false };
    } catch (error) {
      // A concurrent twin with the same key committed first: read its answer.
      if (idempotency && attempt < 3 && isUniqueViolation(error)) continue;
      // Another reading of the meter committed while this one was being checked: check again
      // against the new history: a double click without a key becomes an unchanged index held
      // for review, or a refusal (before_previous) when both carry the same readAt.
      if (error instanceof HistoryMoved && attempt < 3) continue;
      throw error;
    }
  }
}

async function submitOnce(
  db: Db,
  input: ReadingSubmission,
  who: ReadingSubmitter,
  idempotency: IdempotencyKey | undefined,
  meta: RequestMeta | undefined,
  now: Date,
): Promise<ReadingReceipt> {
  const ctx = await loadContext(db, input, who);
  const contract = await accessibleContract(db, ctx, input, who);

  const meter = ctx.meter;
  if (!meter) throw new AppError("NOT_FOUND", "no active meter");

  if (input.photoFileId) {
    // A signed-in customer may only attach their own upload.
    if (!ctx.photo || (who.userId && ctx.photo.owner !== who.userId))
      throw new AppError("VALIDATION_FAILED", "unknown photo", { photoFileId: "invalid" });
  }

  const registers = ctx.registers;
  const byName = new Map(registers.map((r) => [r.name, r]));

  // Format first, every field at once, so the form can mark all wrong indexes together.
  const formatErrors: Record<string, string> = {};
  const parsed: { registerId: string; name: RegisterName; index: number; position: number }[] = [];
  input.readings.forEach((r, position) => {
    const register = byName.get(r.register);
    if (!register) {
      formatErrors[`readings.${position}.register`] = "invalid";
      return;
    }
    const result = parseIndex(r.index, meter.dials);
    if (!result.ok) formatErrors[`readings.${position}.index`] = result.error;
    else parsed.push({ registerId: register.id, name: r.register, index: result.value, position });
  });
  // Billing needs every register of a multi-rate meter read on the same day.
  if (!Object.keys(formatErrors).length && parsed.length !== registers.length)
    formatErrors.readings = "required";
  if (Object.keys(formatErrors).length)
    throw new AppError("VALIDATION_FAILED", "invalid index", formatErrors);

  const timeZone = ctx.timeZone;
  const readAt = input.readAt ?? now;

  const evaluated: Evaluated[] = [];
  const refusals: Record<string, string> = {};
  for (const p of parsed) {
    const register = registers.find((r) => r.id === p.registerId)!;
    const own = register.history.map((h) => ({ ...h, meterId: meter.id }));
    // The first reading of a meter fitted by an exchange: its previous counted reading is on the
    // old meter, and the recorded figures span both (plausibility.ts, MeterReplacement).
    const swap = own.length === 0 ? swapFigures(ctx.exchange, register) : null;
    if (swap && localDate(readAt, timeZone) < swap.exchangedOn) {
      refusals.readAt = "before_previous";
      continue;
    }
    const past = swap ? swap.past : own;
    const verdict = evaluateReading(
      {
        history: {
          readings: past,
          contractStart: contract.startDate,
          timeZone,
          meter: {
            id: meter.id,
            serial: meter.serial,
            dials: meter.dials,
            initialIndex: register.initialIndex,
          },
          ...(swap ? { replacement: swap.replacement } : {}),
        },
        reading: { serial: input.meterSerial, index: p.index, readAt },
      },
      now,
    );
    if (verdict.verdict === "refused") {
      refusals[refusalField(verdict.refusal, p.position)] = verdict.refusal;
      continue;
    }
    evaluated.push({
      registerId: p.registerId,
      name: p.name,
      index: p.index,
      consumption: verdict.consumption,
      storedConsumption:
        verdict.consumption !== null && swap
          ? verdict.consumption -
            (swap.replacement.oldMeterFinalIndex - swap.replacement.oldMeterPreviousIndex)
          : verdict.consumption,
      flags: verdict.flags,
      verdict: verdict.verdict,
      // The register's own last reading: the write checks it has not moved (none after a swap).
      previous: own[0],
    });
  }
  if (Object.keys(refusals).length)
    throw new AppError("READING_REFUSED", "reading refused", refusals);

  // The window decides whether the reading reaches the bill. A zone without any scheduled
  // round has no window to be outside of, so its readings count.
  const schedule = ctx.schedule;
  const readDay = localDate(readAt, timeZone);
  const inWindow =
    schedule.dates.length === 0 ||
    schedule.dates.some((d) => isInWindow(readDay, readingWindow(d, schedule.config)));
  const flags = [...new Set(evaluated.flatMap((e) => e.flags))];
  const needsReview = evaluated.some((e) => e.verdict === "review");
  // Outside the window nothing is billed from it, so a clerk need not review it now: the
  // flags are stored and shown, and the next in-window reading is checked afresh.
  const status: ReadingReceipt["status"] = !inWindow
    ? "outside_window"
    : needsReview
      ? "review"
      : "accepted";
  const consumption = evaluated.some((e) => e.consumption === null)
    ? null
    : evaluated.reduce((sum, e) => sum + (e.consumption ?? 0), 0);
  const nextOpens = inWindow
    ? undefined
    : nextWindow(schedule.dates, localDate(now, timeZone), schedule.config)?.opens;
  // Receipts are numbered per year of filing, like work items.
  const year = Number(localDate(now, timeZone).slice(0, 4));

  // Everything of the receipt but its number, which the write statement draws.
  const answer: Omit<ReadingReceipt, "receiptNo"> = {
    status,
    consumption,
    flags,
    ...(nextOpens ? { nextWindowOpens: nextOpens } : {}),
  };
  const statements = writeStatements({
    evaluated,
    readAt,
    status,
    submittedBy: who.userId ?? null,
    photoFileId: input.photoFileId ?? null,
    channel: who.partner ? "api" : "web",
    year,
    idempotency,
    answer,
  });
  const receiptOf = (receiptNo: string): ReadingReceipt => ({ receiptNo, ...answer });

  // A guest's or a partner's counted reading: the whole transaction in one round trip.
  if (status !== "review" && !who.userId) {
    const written = await commitPipelined(db, statements);
    return receiptOf(written[0]!.receiptNo);
  }

  // The rows, their receipt and the idempotency answer, in the caller's transaction.
  const commitRows = async (tx: Tx): Promise<{ receipt: ReadingReceipt; ids: string[] }> => {
    await tx.execute(statements.lock);
    const { rows } = await tx.execute<WrittenRow>(statements.write);
    if (!rows.length) throw new HistoryMoved();
    const receipt = receiptOf(rows[0]!.receiptNo);
    // The receipt by e-mail too, in the customer's language. A held reading is acknowledged by
    // its review item's own e-mail instead, with the number to follow it by.
    if (who.userId && status !== "review")
      await emailReceipt(tx, who.userId, {
        receiptNo: receipt.receiptNo,
        contractNo: input.contractNo,
        status,
        consumption,
      });
    return { receipt, ids: rows.map((r) => r.id) };
  };

  if (status !== "review") {
    return db.transaction(async (tx) => (await commitRows(tx)).receipt);
  }

  // Held for review: the reading rows, the receipt and the work item commit together through
  // the one intake path; the idempotency answer is stored in the same transaction.
  const [kind] = await db
    .select()
    .from(requestKinds)
    .where(eq(requestKinds.code, "reading_review"));
  const kindName = kind
    ? { ar: kind.nameAr, fr: kind.nameFr, en: kind.nameEn }[who.locale]
    : "Reading review";
  let receipt: ReadingReceipt | undefined;
  let subjectIds: string[] = [];
  const actor: Actor = who.userId
    ? { kind: "user", userId: who.userId, role: "customer" }
    : who.partner
      ? { kind: "partner", keyPrefix: who.partner.keyPrefix }
      : { kind: "system", label: "guest" };
  const filed = await fileSubmission(
    db,
    {
      kind: "reading_review",
      channel: who.partner ? "api" : "web",
      title: `${kindName} — ${meter.serial}`,
      description: reviewDescription(evaluated, readAt),
      locale: who.locale,
      actor,
      meta,
      customerUserId: who.userId ?? null,
      contractId: contract.id,
      service: contract.service,
      zone: contract.zone,
      departmentCode: "metering",
      createSubject: async (tx) => {
        const committed = await commitRows(tx);
        subjectIds = committed.ids;
        receipt = committed.receipt;
        return { type: "reading", id: committed.ids[0]! };
      },
    },
    now,
  );
  // The item's id exists only once fileSubmission has inserted it, after createSubject; the
  // item already points at the reading (subject), this back-link is for the reading's page.
  await db
    .update(readings)
    .set({ reviewItemId: filed.itemId })
    .where(inArray(readings.id, subjectIds));
  return receipt!;
}

/**
 * The history and swap figures for a register of a meter fitted by an exchange: the old
 * register's counted readings before its final index, and (old final − old previous) to add to
 * (new − initial). Null when the meter did not come by an exchange or the register is new.
 */
function swapFigures(
  exchange: ArrivalExchange | null,
  register: RegisterRow,
): {
  exchangedOn: string;
  past: PastReading[];
  replacement: MeterReplacement;
} | null {
  const figures = exchange?.registers.find((r) => r.name === register.name);
  if (!exchange || !figures) return null;
  const history = exchange.oldHistory.find((o) => o.name === register.name)?.history ?? [];
  const previous = history[0];
  // A reading of the old meter accepted after the swap (a late review) above the final index
  // cannot be the base: the figures recorded at the swap are.
  const base =
    previous && previous.index <= figures.oldFinalIndex ? previous.index : figures.oldPreviousIndex;
  return {
    exchangedOn: exchange.exchangedOn,
    past: history.map((h) => ({ ...h, meterId: exchange.oldMeterId })),
    replacement: {
      oldMeterFinalIndex: figures.oldFinalIndex,
      oldMeterPreviousIndex: base,
      newMeterInitialIndex: register.initialIndex,
    },
  };
}

/** Thrown inside the transaction when the history the verdict was based on has changed. */
class HistoryMoved extends Error {
  constructor() {
    super("reading history changed during the submission");
    this.name = "HistoryMoved";
  }
}

type WrittenRow = { id: string; receiptNo: string };

/**
 * The two statements of the write, run in this order in one transaction:
 *
 * - `lock` locks the registers. The rules ran before the transaction (they need no lock for
 *   refusals); this makes two concurrent submissions for one meter queue here.
 * - `write` checks that each register's last counted reading is still the one the rules saw
 *   (a statement of its own, so under READ COMMITTED it sees what a submission we waited for
 *   committed), and only then draws the gap-free receipt number, inserts the rows and, with an
 *   idempotency key, stores the answer. It returns no row when the history moved: the caller
 *   throws HistoryMoved and the later submission is evaluated afresh.
 *
 * The registers are locked before the receipt counter, so a submission waiting on a busy meter
 * does not hold up every other customer's receipt number; the counter row is then held only
 * from this statement to the commit.
 */
function writeStatements(w: {
  evaluated: Evaluated[];
  readAt: Date;
  status: ReadingReceipt["status"];
  submittedBy: string | null;
  photoFileId: string | null;
  channel: "web" | "api";
  year: number;
  idempotency: IdempotencyKey | undefined;
  answer: Omit<ReadingReceipt, "receiptNo">;
}): { lock: SQL; write: SQL } {
  const ids = JSON.stringify(w.evaluated.map((e) => e.registerId));
  const expected = JSON.stringify(
    w.evaluated.map((e) => ({
      register_id: e.registerId,
      read_at: e.previous?.readAtExact ?? null,
    })),
  );
  const rows = JSON.stringify(
    w.evaluated.map((e) => ({
      register_id: e.registerId,
      index: e.index,
      consumption: e.storedConsumption,
      flags: e.flags,
    })),
  );
  const replay = w.idempotency
    ? sql`, replay as (
        insert into idempotency_keys (scope, key, request_hash, status, response)
        select ${w.idempotency.scope}::text, ${w.idempotency.key}::text,
          ${w.idempotency.requestHash}::text, 201,
          jsonb_build_object('receiptNo', receipt.no) || ${JSON.stringify(w.answer)}::jsonb
        from receipt)`
    : sql``;
  return {
    lock: sql`
      select r.id from meter_registers r
      where r.id in (select json_array_elements_text(${ids}::json)::uuid)
      order by r.id for update`,
    write: sql`
      with expected as (
        select * from json_to_recordset(${expected}::json) as e(register_id uuid, read_at timestamptz)
      ), moved as (
        select 1 from expected e
        where (select max(rd.read_at) from readings rd
          where rd.register_id = e.register_id and rd.status = 'accepted') is distinct from e.read_at
      ), counter as (
        insert into number_counters (prefix, year, last)
        select ${RECEIPT_PREFIX}::text, ${w.year}::int, 1 where not exists (select 1 from moved)
        on conflict (prefix, year) do update set last = number_counters.last + 1
        returning last
      ), receipt as (
        -- formatItemNumber: six digits, more when a year passes a million.
        select ${RECEIPT_PREFIX}::text || '-' || ${w.year}::int || '-'
          || lpad(last::text, greatest(6, length(last::text)), '0') as no
        from counter
      ), written as (
        insert into readings (register_id, "index", read_at, source, status, submitted_by,
          consumption, flags, photo_file_id, receipt_no, channel, used_for_billing)
        select v.register_id, v."index", ${w.readAt.toISOString()}::timestamptz, 'self',
          ${w.status}::reading_status, ${w.submittedBy}::uuid, v.consumption, v.flags,
          ${w.photoFileId}::uuid, receipt.no, ${w.channel}::channel,
          ${w.status !== "outside_window"}::boolean
        from receipt, json_to_recordset(${rows}::json)
          as v(register_id uuid, "index" bigint, consumption bigint, flags text[])
        returning id, receipt_no
      )${replay}
      select id, receipt_no as "receiptNo" from written`,
  };
}

const dialect = new PgDialect();
const statementNames = new Map<string, string>();

/**
 * A statement as a named (server-side prepared) query: PostgreSQL plans it once per connection
 * instead of on every submission, and planning was most of its time on this path (2.7 ms of 3.8
 * for the lookup). The name follows the text, so each variant (guest, customer, partner; photo;
 * idempotency key) is its own statement; the values never change the text.
 */
function prepared(q: SQL): pg.QueryConfig {
  const { sql: text, params } = dialect.sqlToQuery(q);
  let name = statementNames.get(text);
  if (!name) {
    name = `reading_${createHash("sha256").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return { name, text, values: params };
}

/**
 * BEGIN, the lock, the write and COMMIT sent at once on one pipelined connection (createDb
 * turns pipelining on), so the transaction costs one round trip and the receipt counter is held
 * for the statement's own time only — not for the web tier's turn to send COMMIT, which under
 * load is what queued every submission behind the counter. The submission is acknowledged only
 * once COMMIT has answered; an error in any statement makes COMMIT a ROLLBACK.
 */
async function commitPipelined(db: Db, s: { lock: SQL; write: SQL }): Promise<WrittenRow[]> {
  const client = await db.$client.connect();
  let broken = false;
  try {
    const run = (q: SQL) => client.query<WrittenRow>(prepared(q));
    let results: PromiseSettledResult<pg.QueryResult<WrittenRow>>[];
    if (client.pipeline) {
      results = await Promise.allSettled([
        client.query<WrittenRow>("begin"),
        run(s.lock),
        run(s.write),
        client.query<WrittenRow>("commit"),
      ]);
    } else {
      // A connection without pipelining: the same statements one after the other.
      results = [];
      for (const step of [
        () => client.query<WrittenRow>("begin"),
        () => run(s.lock),
        () => run(s.write),
        () => client.query<WrittenRow>("commit"),
      ]) {
        const [settled] = await Promise.allSettled([step()]);
        results.push(settled!);
        if (settled!.status === "rejected") {
          await client.query("rollback").catch(() => (broken = true));
          break;
        }
      }
    }
    const failed = results.find((r) => r.status === "rejected");
    if (failed) {
      // COMMIT itself failing leaves the connection in an unknown state: do not reuse it.
      if (results.length === 4 && results[3]!.status === "rejected") broken = true;
      throw failed.reason;
    }
    const written = (results[2] as PromiseFulfilledResult<pg.QueryResult<WrittenRow>>).value;
    if (!written.rows.length) throw new HistoryMoved();
    return written.rows;
  } finally {
    client.release(broken);
  }
}

/** Reasons for the clerk, in plain figures (the work item's description is not translated). */
function reviewDescription(evaluated: Evaluated[], readAt: Date): string {
  const lines = evaluated.map((e) => {
    const previous = e.previous
      ? `${e.previous.index} (${e.previous.readAt.toISOString().slice(0, 10)})`
      : "—";
    return `${e.name}: index ${e.index}, previous ${previous}, consumption ${e.consumption ?? "—"}; reasons: ${e.flags.join(", ") || "—"}`;
  });
  return [`Self-reading of ${readAt.toISOString()}`, ...lines].join("\n");
}

/**
 * The contract the submitter may read (loadContext puts the scope in its WHERE clause): a
 * customer's linked contract (404 otherwise); a guest's contract when number and serial match
 * its active meter, throttled per address and per contract with one generic error for every
 * wrong pair. Only a wrong pair writes (the failure count); a right one reads nothing more.
 */
async function accessibleContract(
  db: Db,
  ctx: SubmissionContext,
  input: ReadingSubmission,
  who: ReadingSubmitter,
): Promise<ContractRow> {
  if (who.userId) {
    if (!ctx.contract) throw new AppError("NOT_FOUND", "contract not linked");
    return ctx.contract;
  }
  if (who.partner) {
    // Partner keys vouch for their callers; they name the contract and the serial is checked
    // by the rules like everyone else's.
    if (!ctx.contract) throw new AppError("NOT_FOUND", "unknown contract");
    return ctx.contract;
  }
  if (ctx.locked) throw new AppError("RATE_LIMITED");
  if (!ctx.contract) {
    await recordFailure(db, guestKeys(input, who));
    // The same answer as contract linking: nothing tells which half of the pair was wrong.
    throw new AppError("CONTRACT_LINK_FAILED", "guest reading: wrong contract/serial pair");
  }
  return ctx.contract;
}

/** E-mail a reading receipt to the account holder, in their language, in the caller's transaction. */
async function emailReceipt(
  tx: Tx,
  userId: string,
  r: {
    receiptNo: string;
    contractNo: string;
    status: "accepted" | "outside_window";
    consumption: number | null;
  },
): Promise<void> {
  const [user] = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return;
  const t = translator(user.locale);
  await enqueueEmail(tx, {
    to: user.email,
    locale: user.locale,
    template: "readingReceived",
    params: {
      name: user.name,
      receiptNo: r.receiptNo,
      contractNo: r.contractNo,
      verdict: t(`readings.${r.status}`),
      consumption: r.consumption === null ? "" : String(r.consumption),
    },
  });
}
