// GET /api/registry/reply?number=&code= - the registered reply letter (PDF) of a letter, to whoever holds its number and tracking code, its owner, or registry staff (?entry=)
import { getDb } from "@/db/client";
import { pdfResponse } from "@/lib/api/download";
import { apiRoute } from "@/lib/api/respond";
import { getCurrentUser, isStaff } from "@/lib/auth/guards";
import { renderReplyLetterPdf } from "@/lib/documents/registry-letter-pdf";
import { AppError } from "@/lib/errors";
import { replyLetterFor } from "@/lib/registry/downloads";
import { letterAccessOf } from "@/lib/registry/request-access";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const access = letterAccessOf(params, await getCurrentUser(), isStaff);
  const found = access ? await replyLetterFor(getDb(), access) : undefined;
  if (!found) throw new AppError("NOT_FOUND");
  return pdfResponse(renderReplyLetterPdf(found.document), found.filename);
});
