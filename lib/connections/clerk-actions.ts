import { and, asc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  accountContracts,
  connectionPrices,
  connectionQuotes,
  connectionRequestDocuments,
  connectionRequestTypes,
  contractDeposits,
  contracts,
  contractTariffs,
  customers,
  meterRegisters,
  meters,
  premises,
  tariffs,
  type ConnectionRequest,
  type QuoteLine,
} from "@/db/schema";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { formatMoney } from "@/lib/billing/present";
import { utilityToday } from "@/lib/billing/today";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { getUtility } from "@/lib/utility/get-utility";
import type { Staff } from "@/lib/workflow/access";
import { nextItemNumber } from "@/lib/workflow/numbering";
import { NEW_CONTRACT_PREFIX, QUOTE_PREFIX } from "@/lib/workflow/reserved-prefixes";
import {
  meterSchema,
  missingDocumentsSchema,
  quoteSchema,
  reasonSchema,
  scheduleVisitSchema,
} from "./schemas";
import { nextStage, type Stage } from "./stages";
import { lockRequest, moveStage, type LockedRequest } from "./transition";
import { localName } from "./types";

/** Today in the utility's own time zone (the day a contract starts, a meter is fitted). */
async function utilityDay(tx: Tx, now: Date): Promise<string> {
  return utilityToday((await getUtility(tx)).timeZone, now);
}

type Opts = { now?: Date; meta?: RequestMeta };

/** One staff action on a request: lock (department checked), change, in one transaction. */
async function staffStep<T>(
  db: Db,
  staff: Staff,
  requestId: string,
  run: (tx: Tx, locked: LockedRequest, now: Date) => Promise<T>,
  opts: Opts = {},
): Promise<T> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) =>
    run(tx, await lockRequest(tx, requestId, { kind: "staff", staff }), now),
  );
}

const QUOTE_KINDS: QuoteLine["kind"][] = [
  "connection_works",
  "meter",
  "contract_fee",
  "deposit",
  "stamp_duty",
];

/** The documents the request's type asks for, with the one given for each. */
async function documentsOf(tx: Tx, request: ConnectionRequest) {
  const [type] = await tx
    .select({ documents: connectionRequestTypes.documents })
    .from(connectionRequestTypes)
    .where(eq(connectionRequestTypes.code, request.typeCode));
  const given = await tx
    .select()
    .from(connectionRequestDocuments)
    .where(eq(connectionRequestDocuments.requestId, request.id));
  return { required: type?.documents ?? [], given };
}

/** Every required document is there and readable: the file moves on to its next stage. */
export async function acceptDocuments(db: Db, staff: Staff, requestId: string, opts: Opts = {}) {
  return staffStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const { required, given } = await documentsOf(tx, locked.request);
      const missing = required.filter(
        (d) =>
          d.required &&
          !given.some(
            (g) =>
              g.docCode === d.code &&
              g.fileId &&
              g.status !== "missing" &&
              g.status !== "unreadable",
          ),
      );
      if (missing.length)
        throw new AppError("INVALID_TRANSITION", "documents missing", {
          documents: "documentMissing",
        });
      await tx
        .update(connectionRequestDocuments)
        .set({ status: "accepted", updatedAt: now })
        .where(eq(connectionRequestDocuments.requestId, locked.request.id));
      const to = nextStage(locked.family, "submitted")!;
      return moveStage(tx, locked, { to, by: { kind: "staff", staff }, now, meta: opts.meta });
    },
    opts,
  );
}

/**
 * The file is incomplete: every missing or unreadable document is listed in this one request,
 * and the deadline pauses until the customer completes it.
 */
export async function requestMissingDocuments(
  db: Db,
  staff: Staff,
  requestId: string,
  raw: unknown,
  opts: Opts = {},
) {
  const input = parseOrThrow(missingDocumentsSchema, raw);
  return staffStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const { required } = await documentsOf(tx, locked.request);
      const codes = [...new Set(input.documents.map((d) => d.code))];
      if (codes.some((c) => !required.some((r) => r.code === c)))
        throw new AppError("VALIDATION_FAILED", "unknown document", { documents: "invalid" });
      for (const d of input.documents) {
        await tx
          .insert(connectionRequestDocuments)
          .values({
            requestId: locked.request.id,
            docCode: d.code,
            status: d.status,
            note: input.note ?? null,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [connectionRequestDocuments.requestId, connectionRequestDocuments.docCode],
            set: { status: d.status, note: input.note ?? null, updatedAt: now },
          });
      }
      return moveStage(tx, locked, {
        to: "incomplete",
        by: { kind: "staff", staff },
        missingDocuments: codes,
        reason: input.note ?? null,
        describe: (locale) =>
          input.documents
            .map((d) => {
              const doc = required.find((r) => r.code === d.code)!;
              return `• ${localName(doc, locale)} (${translator(locale)(`connections.documentStatus.${d.status}` as never)})`;
            })
            .join("\n"),
        now,
        meta: opts.meta,
      });
    },
    opts,
  );
}

/**
 * A technical visit, or the works, on a date and in a slot the customer sees on their
 * timeline.
 */
export async function scheduleStep(
  db: Db,
  staff: Staff,
  requestId: string,
  what: "visit" | "works",
  raw: unknown,
  opts: Opts = {},
) {
  const input = parseOrThrow(scheduleVisitSchema, raw);
  return staffStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const utility = await getUtility(tx);
      if (input.date < utilityToday(utility.timeZone, now))
        throw new AppError("VALIDATION_FAILED", "visit in the past", { date: "dateInPast" });
      // Noon UTC keeps the calendar day the same in every time zone the portal shows.
      const visitAt = new Date(`${input.date}T12:00:00Z`);
      return moveStage(tx, locked, {
        to: what === "visit" ? "visit_scheduled" : "works_scheduled",
        by: { kind: "staff", staff },
        set: what === "visit" ? { visitAt, visitSlot: input.slot } : { worksAt: visitAt },
        describe: (locale) =>
          translator(locale)(what === "visit" ? "connections.visitOn" : "connections.worksOn", {
            date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
              visitAt,
            ),
            slot: translator(locale)(`connections.slot.${input.slot}` as never),
          }),
        now,
        meta: opts.meta,
      });
    },
    opts,
  );
}

/**
 * Move to the next stage when it needs no data of its own (visit done, works done), or back to
 * an earlier one with a reason.
 */
export async function moveTo(
  db: Db,
  staff: Staff,
  requestId: string,
  to: Stage,
  reason?: string | null,
  opts: Opts = {},
) {
  const needsData: Stage[] = [
    "visit_scheduled",
    "works_scheduled",
    "quote_issued",
    "quote_paid",
    "meter_installed",
    "contract_activated",
    "incomplete",
    "final_reading",
    "final_bill",
    "deposit_settled",
    "contract_closed",
  ];
  return staffStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const forward = nextStage(locked.family, locked.request.stage as Stage) === to;
      if (forward && needsData.includes(to))
        throw new AppError("INVALID_TRANSITION", `${to} has its own action`, {
          stage: "ownAction",
        });
      return moveStage(tx, locked, {
        to,
        by: { kind: "staff", staff },
        reason,
        now,
        meta: opts.meta,
      });
    },
    opts,
  );
}

/** Refuse the request, with a reason the customer reads and may appeal. */
export async function rejectRequest(
  db: Db,
  staff: Staff,
  requestId: string,
  raw: unknown,
  opts: Opts = {},
) {
  const { reason } = parseOrThrow(reasonSchema, raw);
  return staffStep(
    db,
    staff,
    requestId,
    (tx, locked, now) =>
      moveStage(tx, locked, {
        to: "rejected",
        by: { kind: "staff", staff },
        reason,
        now,
        meta: opts.meta,
      }),
    opts,
  );
}

/**
 * The quote lines the price list gives for a request's service and use: the active line kept
 * for the request's own type when there is one, else the active line for every type.
 */
export async function priceListLines(
  tx: Tx | Db,
  request: Pick<ConnectionRequest, "service" | "use" | "typeCode">,
) {
  const rows = await tx
    .select()
    .from(connectionPrices)
    .where(
      and(
        eq(connectionPrices.service, request.service),
        eq(connectionPrices.use, request.use),
        eq(connectionPrices.active, true),
        or(isNull(connectionPrices.typeCode), eq(connectionPrices.typeCode, request.typeCode)),
      ),
    )
    .orderBy(asc(connectionPrices.kind));
  const currency = rows[0]?.currency ?? "MAD";
  const lines = QUOTE_KINDS.map((kind) => {
    const forKind = rows.filter((r) => r.kind === kind);
    const row = forKind.find((r) => r.typeCode !== null) ?? forKind[0];
    return { kind, amountMinor: row?.amountMinor ?? 0 };
  });
  return { lines, currency };
}

/**
 * Issue the quote: the price list's lines (or the clerk's edited amounts), total in minor units.
 * The contract to come is prepared now, pending, so that the quote's payment belongs to it in
 * the ledger; it becomes active only at the last stage.
 */
export async function issueQuote(
  db: Db,
  staff: Staff,
  requestId: string,
  raw?: unknown,
  opts: Opts = {},
) {
  const edited = raw === undefined ? undefined : parseOrThrow(quoteSchema, raw);
  return staffStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const { request } = locked;
      const priced = await priceListLines(tx, request);
      const lines: QuoteLine[] = priced.lines.map((l) => {
        const own = edited?.lines.find((e) => e.kind === l.kind);
        if (!own) return l;
        const [whole, frac = ""] = own.amount.split(".");
        return { kind: l.kind, amountMinor: Number(whole) * 100 + Number(frac.padEnd(2, "0")) };
      });
      const totalMinor = lines.reduce((s, l) => s + l.amountMinor, 0);
      if (totalMinor <= 0)
        throw new AppError("VALIDATION_FAILED", "empty quote", { lines: "amountTooLow" });
      // A reissued quote replaces the one before it (going back to the visit, with a reason).
      await tx
        .update(connectionQuotes)
        .set({ status: "cancelled" })
        .where(
          and(eq(connectionQuotes.requestId, request.id), ne(connectionQuotes.status, "cancelled")),
        );
      const number = await nextItemNumber(tx, QUOTE_PREFIX, now.getUTCFullYear());
      const contractId = request.contractId ?? (await preparePendingContract(tx, request, now));
      await tx.insert(connectionQuotes).values({
        requestId: request.id,
        number,
        lines,
        totalMinor,
        currency: priced.currency,
        issuedBy: staff.id,
        issuedAt: now,
      });
      return moveStage(tx, locked, {
        to: "quote_issued",
        by: { kind: "staff", staff },
        set: { contractId },
        describe: (locale: Locale) =>
          translator(locale)("connections.quoteIssued", {
            number,
            total: formatMoney(totalMinor, priced.currency, locale),
          }),
        now,
        meta: opts.meta,
      });
    },
    opts,
  );
}

/** The customer record, premises and pending contract a new connection will activate. */
async function preparePendingContract(
  tx: Tx,
  request: ConnectionRequest,
  now: Date,
): Promise<string> {
  const applicant = request.applicant as { name: string; nationalId: string };
  const year = now.getUTCFullYear();
  const customerNo = await nextItemNumber(tx, `${NEW_CONTRACT_PREFIX}C`, year);
  const [customer] = await tx
    .insert(customers)
    .values({
      customerCode: customerNo.replace(/-/g, ""),
      name: applicant.name,
      nationalId: applicant.nationalId,
    })
    .returning({ id: customers.id });
  // The reading round of the new premises: the zone already served in its city, else the first
  // zone the utility has; the metering team moves it if the round differs.
  const [sameCity] = await tx
    .select({ zone: premises.zone })
    .from(premises)
    .where(eq(premises.city, request.city))
    .limit(1);
  const [anyZone] = sameCity
    ? [sameCity]
    : await tx.select({ zone: premises.zone }).from(premises).orderBy(asc(premises.zone)).limit(1);
  const [premise] = await tx
    .insert(premises)
    .values({
      addressLine: request.addressLine,
      city: request.city,
      zone: anyZone?.zone ?? "DEFAULT",
    })
    .returning({ id: premises.id });
  // 10 digits like the printed ones: the service's digit, a 5 for "connected online", a counter.
  const seq = (await nextItemNumber(tx, NEW_CONTRACT_PREFIX, 0)).split("-").at(-1)!;
  const digit = request.service === "electricity" ? "1" : request.service === "water" ? "2" : "3";
  const [contract] = await tx
    .insert(contracts)
    .values({
      contractNo: `${digit}5${seq.padStart(8, "0")}`,
      customerId: customer!.id,
      premiseId: premise!.id,
      service: request.service,
      category: request.use === "professional" ? "professional" : "residential",
      status: "pending",
      startDate: await utilityDay(tx, now),
    })
    .returning({ id: contracts.id });
  return contract!.id;
}

/** The meter the technicians fitted, with its starting index. */
export async function installMeter(
  db: Db,
  staff: Staff,
  requestId: string,
  raw: unknown,
  opts: Opts = {},
) {
  const input = parseOrThrow(meterSchema, raw);
  return staffStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const { request } = locked;
      if (!request.contractId) throw new AppError("INVALID_TRANSITION", "no contract prepared");
      const [taken] = await tx
        .select({ id: meters.id })
        .from(meters)
        .where(eq(meters.serial, input.serial));
      if (taken) throw new AppError("VALIDATION_FAILED", "serial in use", { serial: "invalid" });
      const today = await utilityDay(tx, now);
      await tx
        .update(meters)
        .set({ active: false, removedAt: today })
        .where(and(eq(meters.contractId, request.contractId), eq(meters.active, true)));
      const [meter] = await tx
        .insert(meters)
        .values({
          contractId: request.contractId,
          serial: input.serial,
          dials: request.service === "electricity" ? 6 : 5,
          calibre: request.service === "water" ? request.detail : null,
          installedAt: today,
        })
        .returning({ id: meters.id });
      await tx
        .insert(meterRegisters)
        .values({ meterId: meter!.id, name: "single", initialIndex: Number(input.initialIndex) });
      return moveStage(tx, locked, {
        to: "meter_installed",
        by: { kind: "staff", staff },
        set: { meterSerial: input.serial },
        now,
        meta: opts.meta,
      });
    },
    opts,
  );
}

/**
 * The contract starts: active from today, linked to the customer's account (so it shows on
 * their dashboard, to read and pay), priced by the published tariffs of its service and use,
 * and holding the deposit the quote collected.
 */
export async function activateContract(db: Db, staff: Staff, requestId: string, opts: Opts = {}) {
  return staffStep(
    db,
    staff,
    requestId,
    async (tx, locked, now) => {
      const { request } = locked;
      if (!request.contractId) throw new AppError("INVALID_TRANSITION", "no contract prepared");
      const [meter] = await tx
        .select({ id: meters.id })
        .from(meters)
        .where(and(eq(meters.contractId, request.contractId), eq(meters.active, true)));
      if (!meter) throw new AppError("INVALID_TRANSITION", "no meter", { stage: "noMeter" });
      const today = await utilityDay(tx, now);
      const [contract] = await tx
        .update(contracts)
        .set({ status: "active", startDate: today })
        .where(eq(contracts.id, request.contractId))
        .returning();
      await tx
        .insert(accountContracts)
        .values({ userId: request.customerUserId, contractId: contract!.id, linkedAt: now })
        .onConflictDoNothing();
      const codes = request.service === "water" ? ["water", "sanitation"] : [request.service];
      const found = await tx
        .select({ id: tariffs.id, service: tariffs.service, category: tariffs.category })
        .from(tariffs)
        .where(inArray(tariffs.service, codes as ConnectionRequest["service"][]));
      const picked = codes
        .map(
          (service) =>
            found.find((t) => t.service === service && t.category === contract!.category) ??
            found.find((t) => t.service === service),
        )
        .filter((t): t is NonNullable<typeof t> => !!t);
      if (picked.length)
        await tx
          .insert(contractTariffs)
          .values(picked.map((t) => ({ contractId: contract!.id, tariffId: t.id })))
          .onConflictDoNothing();
      const [quote] = await tx
        .select()
        .from(connectionQuotes)
        .where(
          and(eq(connectionQuotes.requestId, request.id), eq(connectionQuotes.status, "paid")),
        );
      const deposit = quote?.lines.find((l) => l.kind === "deposit")?.amountMinor ?? 0;
      if (deposit > 0)
        await tx
          .insert(contractDeposits)
          .values({
            contractId: contract!.id,
            amountMinor: deposit,
            currency: quote!.currency,
            quoteId: quote!.id,
          })
          .onConflictDoNothing();
      return moveStage(tx, locked, {
        to: "contract_activated",
        by: { kind: "staff", staff },
        describe: (locale) =>
          translator(locale)("connections.contractActive", { contractNo: contract!.contractNo }),
        now,
        meta: opts.meta,
      });
    },
    opts,
  );
}
