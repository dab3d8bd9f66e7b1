// GET /api/contracts/{id}/consumption.csv?lang= - consumption and bill history as CSV (owner or staff)
import { getDb } from "@/db/client";
import { attachment } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { isStaff, requireUser } from "@/lib/auth/guards";
import { toCsv } from "@/lib/billing/csv";
import { decimalAmount } from "@/lib/billing/present";
import { consumptionHistory } from "@/lib/billing/queries";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const lang = new URL(request.url).searchParams.get("lang");
  const t = translator(lang && isLocale(lang) ? lang : user.locale);
  const rows = await consumptionHistory(getDb(), {
    access: isStaff(user) ? "staff" : { userId: user.id },
    contractId: id,
  });
  // An empty list is indistinguishable from someone else's contract: both are not found.
  if (!rows?.length) throw new AppError("NOT_FOUND");
  const header = [
    "billNo",
    "periodStart",
    "periodEnd",
    "days",
    "consumption",
    "unit",
    "readingType",
    "previousIndex",
    "newIndex",
    "total",
    "currency",
    "status",
    "dueDate",
  ] as const;
  const csv = toCsv([
    header.map((h) => t(`billing.csv.${h}`)),
    ...rows.map((r) => [
      r.billNo,
      r.periodStart,
      r.periodEnd,
      r.days,
      r.consumption,
      r.unit,
      t(`billing.readingType.${r.readingType}`),
      r.previousIndex,
      r.newIndex,
      decimalAmount(r.totalMinor, r.currency),
      r.currency,
      r.status === "cancelled" ? t("billing.status.cancelled") : "",
      r.dueDate,
    ]),
  ]);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(`consumption-${id.slice(0, 8)}.csv`),
      "cache-control": "private, no-store",
    },
  });
});
