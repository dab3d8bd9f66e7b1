// GET /api/registry/acknowledgement?number=&code=&lang= - a letter's acknowledgement PDF, to whoever holds its number and tracking code, its owner, or registry staff (?entry=); wrong codes throttled (429 with Retry-After)
import { getDb } from "@/db/client";
import { pdfResponse } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { rateLimitedResponse } from "@/lib/api/throttled";
import { getCurrentUser, isStaff } from "@/lib/auth/guards";
import { requestMetaFrom } from "@/lib/auth/request-meta";
import { renderAcknowledgementPdf } from "@/lib/documents/registry-acknowledgement-pdf";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { acknowledgementFor } from "@/lib/registry/downloads";
import { letterAccessOf } from "@/lib/registry/request-access";
import { gateLetterAccess } from "@/lib/registry/tracking-gate";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const user = await getCurrentUser();
  const db = getDb();
  const gate = await gateLetterAccess(db, letterAccessOf(params, user, isStaff), {
    user,
    ip: requestMetaFrom(request.headers).ip,
  });
  if ("throttledUntil" in gate) return rateLimitedResponse(request, gate.throttledUntil);
  const { access } = gate;
  const lang = params.get("lang");
  const found = access
    ? await acknowledgementFor(db, access, lang && isLocale(lang) ? lang : undefined)
    : undefined;
  if (!found) throw new AppError("NOT_FOUND");
  return pdfResponse(renderAcknowledgementPdf(found.document), found.filename);
});
