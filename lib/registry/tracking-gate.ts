import type { DbOrTx } from "@/db/client";
import type { User } from "@/db/schema";
import { trackingAccess } from "@/lib/workflow/tracking-access";
import type { LetterAccess } from "./downloads";

/**
 * A letter's documents asked for by number and tracking code pass the same throttle as the
 * tracking page (a letter's registry number is its item's number, its code the item's code):
 * otherwise the PDF routes would be an unthrottled oracle for the codes the page protects.
 * Staff (by entry) and owners without a code never reach the throttle; a signed-in owner who
 * follows a link with a code reads by their account instead, even while the number is locked.
 */
export async function gateLetterAccess(
  db: DbOrTx,
  access: LetterAccess | null,
  who: { user: Pick<User, "id" | "role"> | null; ip: string | null },
  now = new Date(),
): Promise<{ access: LetterAccess | null } | { throttledUntil: Date }> {
  if (!access || !("number" in access) || !access.trackingCode) return { access };
  const gate = await trackingAccess(
    db,
    {
      number: access.number,
      code: access.trackingCode,
      userId: who.user?.role === "customer" ? who.user.id : null,
      ip: who.ip,
    },
    now,
  );
  if (gate.kind === "throttled") return { throttledUntil: gate.retryAt };
  if (gate.kind === "denied") return { access: null };
  if (gate.kind === "owner") return { access: { number: access.number, userId: who.user!.id } };
  return { access };
}
