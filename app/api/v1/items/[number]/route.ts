// GET /api/v1/items/{number} - an item's status and customer-visible timeline, to its owner or to a guest with ?code= (wrong codes throttled: 429 with Retry-After)
import { getDb } from "@/db/client";
import { apiRoute, json } from "@/lib/api/respond";
import { rateLimitedResponse } from "@/lib/api/throttled";
import { getCurrentUser } from "@/lib/auth/guards";
import { requestMetaFrom } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { describeEvent } from "@/lib/workflow/describe-event";
import { getCustomerItem } from "@/lib/workflow/queries";
import { trackingAccess } from "@/lib/workflow/tracking-access";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  async (request, { params }: { params: Promise<{ number: string }> }) => {
    const { number } = await params;
    const code = new URL(request.url).searchParams.get("code") ?? undefined;
    const user = await getCurrentUser();
    if (!user && !code) throw new AppError("UNAUTHENTICATED");
    const db = getDb();
    const access = await trackingAccess(db, {
      number,
      code,
      userId: user?.id,
      ip: requestMetaFrom(request.headers).ip,
    });
    if (access.kind === "throttled") return rateLimitedResponse(request, access.retryAt);
    if (access.kind === "denied") throw new AppError("NOT_FOUND");
    const found = await getCustomerItem(db, { number, userId: user?.id, trackingCode: code });
    if (!found) throw new AppError("NOT_FOUND");
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
    const { item } = found;
    return json({
      number: item.number,
      kind: item.kindCode,
      status: item.status,
      dueAt: item.resolutionDueAt?.toISOString() ?? null,
      outcome: item.outcome ?? undefined,
      timeline: found.events.map((e) => ({
        at: e.at.toISOString(),
        type: e.type,
        text: describeEvent(e, locale),
      })),
    });
  },
);
