import { getDb } from "@/db/client";
import type { DbOrTx } from "@/db/client";
import { attachment } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { isStaff, requireUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { getRequestDetail, type RequestDetail } from "./queries";

/**
 * A route handler serving one of a request's PDFs (`?lang=` or the reader's language) to its
 * customer or to staff of its department; anyone else, or a PDF not issued yet, is 404.
 */
export function connectionPdfRoute(
  kind: "acknowledgement" | "quote",
  render: (db: DbOrTx, d: RequestDetail, locale: Locale) => Promise<Buffer | null>,
) {
  return apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
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
    const pdf = await render(db, detail, locale);
    if (!pdf) throw new AppError("NOT_FOUND");
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": attachment(`${detail.item.number}-${kind}-${locale}.pdf`),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  });
}
