// POST /api/v1/payments/checkout - open an online checkout for some of the signed-in customer's bills
import { getDb } from "@/db/client";
import { idempotencyKeyOf, readJson } from "@/lib/api/read-json";
import { apiRoute, json } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { AppError, parseOrThrow } from "@/lib/errors";
import { isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { startCheckout } from "@/lib/payments/checkout";
import { checkoutRequestSchema } from "@/lib/payments/schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  const user = await requireUser();
  if (user.role !== "customer") throw new AppError("FORBIDDEN");
  const body = await readJson(request, 16 * 1024);
  const key = idempotencyKeyOf(request);
  const input = parseOrThrow(checkoutRequestSchema, body);
  const { paymentId, url } = await startCheckout(getDb(), {
    payer: { userId: user.id },
    billIds: input.billIds,
    amount: input.amount,
    locale: request.headers.has("accept-language")
      ? localeFromAcceptLanguage(request.headers.get("accept-language"))
      : isLocale(user.locale)
        ? user.locale
        : "ar",
    origin: env().APP_URL,
    idempotencyKey: key,
  });
  return json({ paymentId, url }, { status: 201 });
});
