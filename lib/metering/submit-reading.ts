import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import {
  accountContracts,
  contracts,
  files,
  meterRegisters,
  meters,
  premises,
  readingSchedules,
  readingWindows,
  readings,
  requestKinds,
  users,
  utilities,
} from "@/db/schema";
import type { Actor } from "@/lib/audit/write-audit";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { anyLocked, recordFailure, throttleKeys, type ThrottleKey } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { enqueueEmail } from "@/lib/notify/outbox";
import type { Locale } from "@/lib/i18n/locales";
import { fileSubmission } from "@/lib/intake/file-submission";
import {
  findReplay,
  hashRequest,
  isUniqueViolation,
  storeReplay,
  type IdempotencyKey,
} from "@/lib/intake/idempotency";
import { nextItemNumber } from "@/lib/workflow/numbering";
import { parseIndex } from "./parse-index";
import { evaluateReading, type Flag, type PastReading, type Refusal } from "./plausibility";
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

/** Prefix of reading receipts: "RL-2026-000042", numbered gap-free per year. */
export const RECEIPT_PREFIX = "RL";

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

/** Where a refusal is shown: the index field of its register, the serial, or the date. */
function refusalField(refusal: Refusal, position: number): string {
  if (refusal === "wrong_serial") return "meterSerial";
  if (refusal === "in_future" || refusal === "before_contract" || refusal === "before_previous")
    return "readAt";
  return `readings.${position}.index`;
}

async function findContract(
  db: DbOrTx,
  contractNo: string,
  scope: { userId?: string; serial?: string },
): Promise<ContractRow | null> {
  const [row] = await db
    .select({
      id: contracts.id,
      service: contracts.service,
      zone: premises.zone,
      startDate: contracts.startDate,
    })
    .from(contracts)
    .innerJoin(premises, eq(premises.id, contracts.premiseId))
    .where(
      and(
        sql`${canonical(contracts.contractNo)} = ${contractNo}`,
        sql`${contracts.status} <> 'terminated'`,
        // The caller's scope is in the WHERE clause, so someone else's contract is not found.
        scope.userId
          ? sql`exists (select 1 from ${accountContracts} ac where ac.contract_id = ${contracts.id} and ac.user_id = ${scope.userId})`
          : undefined,
        // A guest's proof, compared canonically exactly as link-contract.ts does.
        scope.serial !== undefined
          ? sql`exists (select 1 from ${meters} m where m.contract_id = ${contracts.id} and m.active
              and ${canonical(sql`m.serial`)} = ${scope.serial})`
          : undefined,
      ),
    );
  return row ?? null;
}

/** The window settings and scheduled dates of a zone. */
async function zoneSchedule(
  db: DbOrTx,
  zone: string,
): Promise<{ config: ReadingWindowConfig; dates: string[] }> {
  const [windowRow] = await db.select().from(readingWindows).where(eq(readingWindows.zone, zone));
  const dates = await db
    .select({ date: readingSchedules.scheduledDate })
    .from(readingSchedules)
    .where(eq(readingSchedules.zone, zone))
    .orderBy(asc(readingSchedules.scheduledDate));
  return {
    config: windowRow
      ? { daysBefore: windowRow.daysBefore, daysAfter: windowRow.daysAfter }
      : DEFAULT_READING_WINDOW,
    dates: dates.map((d) => d.date),
  };
}

type Evaluated = {
  registerId: string;
  name: RegisterName;
  index: number;
  consumption: number | null;
  flags: Flag[];
  verdict: "accepted" | "review";
  previous: PastReading | undefined;
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
  const contract = await accessibleContract(db, input, who);

  const [meter] = await db
    .select()
    .from(meters)
    .where(and(eq(meters.contractId, contract.id), eq(meters.active, true)));
  if (!meter) throw new AppError("NOT_FOUND", "no active meter");

  if (input.photoFileId) {
    const [photo] = await db
      .select({ owner: files.uploadedByUserId })
      .from(files)
      .where(eq(files.id, input.photoFileId));
    // A signed-in customer may only attach their own upload.
    if (!photo || (who.userId && photo.owner !== who.userId))
      throw new AppError("VALIDATION_FAILED", "unknown photo", { photoFileId: "invalid" });
  }

  const registers = await db
    .select()
    .from(meterRegisters)
    .where(eq(meterRegisters.meterId, meter.id));
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

  const [utility] = await db.select({ timeZone: utilities.timeZone }).from(utilities).limit(1);
  const timeZone = utility?.timeZone ?? "Africa/Casablanca";
  const readAt = input.readAt ?? now;

  const history = await db
    .select({
      registerId: readings.registerId,
      index: readings.index,
      readAt: readings.readAt,
      source: readings.source,
    })
    .from(readings)
    .where(
      and(
        inArray(
          readings.registerId,
          parsed.map((p) => p.registerId),
        ),
        // Only readings that count: one in review or outside the window is no base for billing.
        eq(readings.status, "accepted"),
      ),
    )
    .orderBy(desc(readings.readAt));

  const evaluated: Evaluated[] = [];
  const refusals: Record<string, string> = {};
  for (const p of parsed) {
    const past: PastReading[] = history
      .filter((h) => h.registerId === p.registerId)
      .slice(0, HISTORY_DEPTH)
      .map((h) => ({ index: h.index, readAt: h.readAt, source: h.source, meterId: meter.id }));
    const register = registers.find((r) => r.id === p.registerId)!;
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
      flags: verdict.flags,
      verdict: verdict.verdict,
      previous: past[0],
    });
  }
  if (Object.keys(refusals).length)
    throw new AppError("READING_REFUSED", "reading refused", refusals);

  // The window decides whether the reading reaches the bill. A zone without any scheduled
  // round has no window to be outside of, so its readings count.
  const schedule = await zoneSchedule(db, contract.zone);
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

  const receiptOf = (receiptNo: string): ReadingReceipt => ({
    receiptNo,
    status,
    consumption,
    flags,
    ...(nextOpens ? { nextWindowOpens: nextOpens } : {}),
  });

  // The rows, their receipt and the idempotency answer, in the caller's transaction. The
  // registers are locked before the receipt counter, so a submission waiting on a busy meter
  // does not hold up every other customer's receipt number.
  const commitRows = async (tx: Tx): Promise<{ receipt: ReadingReceipt; ids: string[] }> => {
    await assertHistoryUnchanged(tx, evaluated);
    const receiptNo = await nextItemNumber(tx, RECEIPT_PREFIX, year);
    const rows = await tx
      .insert(readings)
      .values(
        evaluated.map((e) => ({
          registerId: e.registerId,
          index: e.index,
          readAt,
          source: "self" as const,
          status,
          submittedBy: who.userId ?? null,
          consumption: e.consumption,
          flags: e.flags,
          photoFileId: input.photoFileId ?? null,
          receiptNo,
          channel: who.partner ? ("api" as const) : ("web" as const),
          usedForBilling: status !== "outside_window",
        })),
      )
      .returning({ id: readings.id });
    const receipt = receiptOf(receiptNo);
    // The receipt by e-mail too, in the customer's language. A held reading is acknowledged by
    // its review item's own e-mail instead, with the number to follow it by.
    if (who.userId && status !== "review")
      await emailReceipt(tx, who.userId, {
        receiptNo,
        contractNo: input.contractNo,
        status,
        consumption,
      });
    if (idempotency) await storeReplay(tx, idempotency, 201, receipt);
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

/** Thrown inside the transaction when the history the verdict was based on has changed. */
class HistoryMoved extends Error {
  constructor() {
    super("reading history changed during the submission");
    this.name = "HistoryMoved";
  }
}

/**
 * Lock the registers and check that their last counted reading is still the one the rules
 * saw. The rules run before the transaction (they need no lock for refusals); this makes two
 * concurrent submissions for one meter queue here, and the later one is evaluated afresh.
 */
async function assertHistoryUnchanged(tx: Tx, evaluated: Evaluated[]): Promise<void> {
  const ids = evaluated.map((e) => e.registerId);
  await tx
    .select({ id: meterRegisters.id })
    .from(meterRegisters)
    .where(inArray(meterRegisters.id, ids))
    .orderBy(asc(meterRegisters.id))
    .for("update");
  for (const e of evaluated) {
    const [latest] = await tx
      .select({ readAt: readings.readAt })
      .from(readings)
      .where(and(eq(readings.registerId, e.registerId), eq(readings.status, "accepted")))
      .orderBy(desc(readings.readAt))
      .limit(1);
    if ((latest?.readAt.getTime() ?? null) !== (e.previous?.readAt.getTime() ?? null))
      throw new HistoryMoved();
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
 * The contract the submitter may read: a customer's linked contract (404 otherwise); a guest's
 * contract when number and serial match its active meter, throttled per address and per contract
 * with one generic error for every wrong pair.
 */
async function accessibleContract(
  db: Db,
  input: ReadingSubmission,
  who: ReadingSubmitter,
): Promise<ContractRow> {
  if (who.userId) {
    const contract = await findContract(db, input.contractNo, { userId: who.userId });
    if (!contract) throw new AppError("NOT_FOUND", "contract not linked");
    return contract;
  }
  if (who.partner) {
    // Partner keys vouch for their callers; they name the contract and the serial is checked
    // by the rules like everyone else's.
    const contract = await findContract(db, input.contractNo, {});
    if (!contract) throw new AppError("NOT_FOUND", "unknown contract");
    return contract;
  }
  const keys: ThrottleKey[] = [
    throttleKeys.ip(who.guest?.ip ?? null),
    throttleKeys.readingContract(input.contractNo),
  ];
  if (await anyLocked(db, keys)) throw new AppError("RATE_LIMITED");
  const contract = await findContract(db, input.contractNo, { serial: input.meterSerial });
  if (!contract) {
    await recordFailure(db, keys);
    // The same answer as contract linking: nothing tells which half of the pair was wrong.
    throw new AppError("CONTRACT_LINK_FAILED", "guest reading: wrong contract/serial pair");
  }
  return contract;
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
