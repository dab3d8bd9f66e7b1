// POST /api/v1/files - upload a photo or document (checked by content; 30 an hour per guest address, 100 per account)
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { readFilePart } from "@/lib/api/multipart";
import { apiRoute, json } from "@/lib/api/respond";
import { rateLimitedResponse } from "@/lib/api/throttled";
import { getCurrentUser } from "@/lib/auth/guards";
import { requestMetaFrom } from "@/lib/auth/request-meta";
import { lockedUntil, recordFailure, throttleKeys } from "@/lib/auth/throttle";
import {
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  uploadFile,
  type Uploader,
} from "@/lib/files/upload-file";

export const dynamic = "force-dynamic";

const GUEST_COOKIE = "wasla_guest";
// Long enough to finish a form after uploading to it, short enough that the next person at a
// shared computer does not inherit the guest's uploads.
const GUEST_COOKIE_MAX_AGE = 24 * 3600;
const GUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const POST = apiRoute(async (request) => {
  const user = await getCurrentUser();
  // Every upload counts against the sender (their address, or their account), checked before
  // the body is read: nobody fills the disk with files that no form will ever claim.
  const quota = [
    user
      ? throttleKeys.uploadAccount(user.id)
      : throttleKeys.uploadGuest(requestMetaFrom(request.headers).ip),
  ];
  const db = getDb();
  const retryAt = await lockedUntil(db, quota);
  if (retryAt) return rateLimitedResponse(request, retryAt);
  const file = await readFilePart(request);

  // A guest's uploads belong to their browser session: the id in the cookie, minted here when
  // missing, is what a later guest submission must present to attach them.
  let uploader: Uploader;
  let mintedGuestId: string | undefined;
  if (user) {
    uploader = { userId: user.id };
  } else {
    const existing = (await cookies()).get(GUEST_COOKIE)?.value;
    const guestScope = existing && GUEST_ID.test(existing) ? existing : randomUUID();
    if (guestScope !== existing) mintedGuestId = guestScope;
    uploader = { guestScope };
  }

  const uploaded = await uploadFile(db, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    originalName: file.name,
    uploader,
    allowed: DOCUMENT_TYPES,
    maxBytes: MAX_DOCUMENT_BYTES,
  });
  await recordFailure(db, quota);

  const response = json(uploaded, { status: 201 });
  if (mintedGuestId) {
    response.cookies.set(GUEST_COOKIE, mintedGuestId, {
      httpOnly: true,
      sameSite: "lax",
      secure: isHttps(request),
      path: "/",
      maxAge: GUEST_COOKIE_MAX_AGE,
    });
  }
  return response;
});

function isHttps(request: Request): boolean {
  return (
    new URL(request.url).protocol === "https:" ||
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https"
  );
}
