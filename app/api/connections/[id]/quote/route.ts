// GET /api/connections/{id}/quote?lang=fr - the request's quote as PDF, for its customer or staff of its department
import { getDb } from "@/db/client";
import { attachment } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { isStaff, requireUser } from "@/lib/auth/guards";
import { renderQuote } from "@/lib/connections/pdfs";
import { getRequestDetail } from "@/lib/connections/queries";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = await params;
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = lang && isLocale(lang) ? lang : user.locale;
  const db = getDb();
  const detail = await getRequestDetail(db, {
    requestId: id,
    access: isStaff(user) ? { staff: user } : { customerId: user.id },
  });
  if (!detail) throw new AppError("NOT_FOUND");
  const pdf = await renderQuote(db, detail, locale);
  if (!pdf) throw new AppError("NOT_FOUND");
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": attachment(`${detail.item.number}-quote-${locale}.pdf`),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
