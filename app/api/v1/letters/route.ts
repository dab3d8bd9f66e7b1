// POST /api/v1/letters - deposit a letter with the mail registry (customer session, or a guest with a solved proof of work); 201 {registryNo, trackingCode}
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { idempotencyKeyOf, readJson } from "@/lib/api/read-json";
import { apiRoute, json } from "@/lib/api/respond";
import { currentRequestMeta, getCurrentUser } from "@/lib/auth/guards";
import { parseOrThrow } from "@/lib/errors";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { registryLinks } from "@/lib/registry/links";
import { registerIncoming, type Filer } from "@/lib/registry/register-incoming";
import { apiLetterSchema } from "@/lib/registry/schemas";

export const dynamic = "force-dynamic";

// Room for a letter of 10,000 Arabic characters and its envelope: a longer message is then
// refused by the schema with its own message rather than as an oversized body.
const MAX_BODY_BYTES = 512 * 1024;
const GUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const POST = apiRoute(async (request) => {
  const body = await readJson(request, MAX_BODY_BYTES);
  const idempotencyKey = idempotencyKeyOf(request);
  const input = parseOrThrow(apiLetterSchema, body);
  const [user, meta] = await Promise.all([getCurrentUser(), currentRequestMeta()]);
  const locale = user?.locale ?? localeFromAcceptLanguage(request.headers.get("accept-language"));
  // Files uploaded by a guest through POST /api/v1/files belong to their cookie's session.
  const guestCookie = (await cookies()).get("wasla_guest")?.value;
  const filer: Filer =
    user?.role === "customer"
      ? { kind: "customer", user }
      : user
        ? { kind: "clerk", user }
        : {
            kind: "guest",
            ip: meta.ip,
            guestScope: guestCookie && GUEST_ID.test(guestCookie) ? guestCookie : undefined,
            proof: input.proof ?? {},
          };
  const filed = await registerIncoming(
    getDb(),
    {
      channel: user && user.role !== "customer" ? "partner" : "web",
      category: input.category,
      subject: input.subject,
      message: input.message,
      sender: input.sender,
      contractNo: input.contractNo,
      locale,
    },
    filer,
    { attachmentIds: input.attachmentIds, idempotencyKey, meta },
  );
  const links = registryLinks(locale, {
    number: filed.registryNo,
    trackingCode: filed.trackingCode,
  });
  return json(
    {
      registryNo: filed.registryNo,
      trackingCode: filed.trackingCode,
      registeredAt: filed.registeredAt,
      dueAt: filed.resolutionDueAt,
      acknowledgementUrl: links.acknowledgement,
      trackUrl: links.track,
    },
    { status: 201 },
  );
});
