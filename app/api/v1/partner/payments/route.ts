// POST /api/v1/partner/payments - a bank or agent confirms a payment it took for a bill (scope payments:write)
import { getDb } from "@/db/client";
import { readJson } from "@/lib/api/read-json";
import { apiRoute, json } from "@/lib/api/respond";
import { partnerFromRequest } from "@/lib/auth/partner-key";
import { requestMetaFrom } from "@/lib/auth/request-meta";
import { AppError, parseOrThrow } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { partnerPaymentSchema } from "@/lib/payments/admin-schemas";
import { recordPartnerPayment } from "@/lib/payments/partner";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  const partner = await partnerFromRequest(getDb(), request, "payments:write");
  if (!partner) throw new AppError("UNAUTHENTICATED", "partner key required");
  const input = parseOrThrow(partnerPaymentSchema, await readJson(request));
  const { payment, created } = await recordPartnerPayment(getDb(), partner, input, {
    locale: localeFromAcceptLanguage(request.headers.get("accept-language")),
    meta: requestMetaFrom(request.headers),
  });
  // The first confirmation creates the payment (201); a retry with the same partnerRef finds it (200).
  return json({ paymentId: payment.id }, { status: created ? 201 : 200 });
});
