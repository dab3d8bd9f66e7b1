// GET /api/v1/tariffs - the published tariffs (anyone)
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { listPublishedTariffs } from "@/lib/billing/tariff-store";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  const tariffs = await listPublishedTariffs(getDb());
  return json({
    tariffs: tariffs.map((t) => ({
      code: t.code,
      service: t.service,
      category: t.category,
      territory: t.territory,
      currency: t.currency,
      name: locale === "ar" ? t.nameAr : locale === "fr" ? t.nameFr : t.nameEn,
      effectiveFrom: t.effectiveFrom,
    })),
  });
});
