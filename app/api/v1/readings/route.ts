// POST /api/v1/readings - a self-reading (signed-in customer, partner key, or a guest proving the meter serial)
// GET /api/v1/readings?contractNo=&cursor= - the signed-in customer's reading history of a linked contract, newest first, HISTORY_LIMIT a page
import { getDb } from "@/db/client";
import { idempotencyKeyOf, readJson } from "@/lib/api/read-json";
import { pageOf } from "@/lib/api/cursor";
import { apiRoute, json } from "@/lib/api/respond";
import { currentRequestMeta, getCurrentUser, requireUser } from "@/lib/auth/guards";
import { partnerFromRequest } from "@/lib/auth/partner-key";
import { AppError, parseOrThrow } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { HISTORY_LIMIT, readingCursor, readingHistory } from "@/lib/metering/history";
import { readingSubmissionSchema } from "@/lib/metering/schemas";
import { submitReading } from "@/lib/metering/submit-reading";
import { printedCodeField } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  // A partner (IVR, mobile app of a bank) authenticates with its key; a person with the session.
  const partner = await partnerFromRequest(getDb(), request, "readings:write");
  const user = partner ? null : await getCurrentUser();
  // Staff record readings through the back office (a later task), not as customers.
  if (user && user.role !== "customer") throw new AppError("FORBIDDEN");
  const body = await readJson(request);
  const key = idempotencyKeyOf(request);
  const meta = await currentRequestMeta();
  const input = parseOrThrow(readingSubmissionSchema, { ...(body as object), idempotencyKey: key });
  const { replayed: _replayed, ...receipt } = await submitReading(
    getDb(),
    input,
    partner
      ? { partner, locale: localeFromAcceptLanguage(request.headers.get("accept-language")) }
      : user
        ? { userId: user.id, locale: user.locale }
        : {
            guest: { ip: meta.ip },
            locale: localeFromAcceptLanguage(request.headers.get("accept-language")),
          },
    meta,
  );
  return json(receipt, { status: 201 });
});

export const GET = apiRoute(async (request) => {
  const user = await requireUser();
  const search = new URL(request.url).searchParams;
  const parsed = printedCodeField.safeParse(search.get("contractNo") ?? "");
  // A malformed number names no contract of this customer: the same 404 as a foreign one.
  if (!parsed.success) throw new AppError("NOT_FOUND");
  const after = readingCursor.read(search);
  const history = await readingHistory(getDb(), {
    userId: user.id,
    contractNo: parsed.data,
    after,
    limit: HISTORY_LIMIT + 1,
  });
  const { page, nextCursor } = pageOf(history.readings, HISTORY_LIMIT, (r) =>
    readingCursor.encode({ readAt: r.readAtKey, register: r.registerName, id: r.id }),
  );
  return json({
    contractNo: history.contractNo,
    readings: page.map((r) => ({
      meterSerial: r.meterSerial,
      register: r.registerName,
      index: String(r.index),
      readAt: r.readAt.toISOString(),
      source: r.source,
      status: r.status,
      consumption: r.consumption,
      flags: r.flags,
      usedForBilling: r.usedForBilling,
      receiptNo: r.receiptNo,
    })),
    nextCursor,
  });
});
