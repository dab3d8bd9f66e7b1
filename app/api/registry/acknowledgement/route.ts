// GET /api/registry/acknowledgement?number=&code=&lang= - a letter's acknowledgement PDF, to whoever holds its number and tracking code, its owner, or registry staff (?entry=)
import { getDb } from "@/db/client";
import { pdfResponse } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { getCurrentUser, isStaff } from "@/lib/auth/guards";
import { renderAcknowledgementPdf } from "@/lib/documents/registry-acknowledgement-pdf";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { acknowledgementFor } from "@/lib/registry/downloads";
import { letterAccessOf } from "@/lib/registry/request-access";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const access = letterAccessOf(params, await getCurrentUser(), isStaff);
  const lang = params.get("lang");
  const found = access
    ? await acknowledgementFor(getDb(), access, lang && isLocale(lang) ? lang : undefined)
    : undefined;
  if (!found) throw new AppError("NOT_FOUND");
  return pdfResponse(renderAcknowledgementPdf(found.document), found.filename);
});
