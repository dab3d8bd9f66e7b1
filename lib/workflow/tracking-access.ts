import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workItems } from "@/db/schema";
import { lockedUntil, recordFailure, throttleKeys, type ThrottleKey } from "@/lib/auth/throttle";

/**
 * Who may read an item named by its number: its signed-in owner, a guest holding its tracking
 * code, nobody (an unknown number and a wrong code are the same answer), or nobody for now,
 * because too many wrong pairs came from this address or named this number.
 */
export type TrackingAccess =
  { kind: "owner" } | { kind: "code" } | { kind: "denied" } | { kind: "throttled"; retryAt: Date };

/** The number as every guest path looks it up (and as the per-number throttle key names it). */
export function canonicalItemNumber(number: string): string {
  return number.trim().toUpperCase().slice(0, 40);
}

/** The throttle keys a guest's wrong pair counts against: their address and the number. */
export function trackingThrottleKeys(ip: string | null, number: string): ThrottleKey[] {
  return [throttleKeys.trackIp(ip), throttleKeys.trackNumber(canonicalItemNumber(number))];
}

/**
 * The gate in front of every guest lookup by number and tracking code (the tracking page, the
 * item API, a letter's acknowledgement page and PDFs); the caller then reads what it serves.
 *
 * - The signed-in owner is recognised first and never throttled nor counted: an attacker
 *   locking their number or sharing their address must not lock them out of their own item.
 * - A locked key refuses before the code is even compared, so the right code is refused too:
 *   otherwise the lock would only slow down the answer "wrong", not the guessing.
 * - An unknown number and a wrong code run the same single query and count one failure
 *   against both keys (the number's key exists whether or not the number does), so neither
 *   the answer, the timing nor the throttle tells a guesser which numbers exist.
 * - A right code clears nothing. Clearing the address's count would let an attacker reset it
 *   between sweeps by tracking an item of their own; clearing the number's count would hand a
 *   guesser racing the owner a fresh allowance each time the owner looks. An honest guest
 *   never needs it: counts lapse with their window.
 * - Comparison is at least as lenient as the lookups behind it (trimmed, upper case), so the
 *   gate never counts as wrong a pair that the lookup would have found.
 */
export async function trackingAccess(
  db: DbOrTx,
  params: { number: string; code?: string | null; userId?: string | null; ip: string | null },
  now = new Date(),
): Promise<TrackingAccess> {
  const number = canonicalItemNumber(params.number);
  if (params.userId) {
    const [own] = await db
      .select({ id: workItems.id })
      .from(workItems)
      .where(and(eq(workItems.number, number), eq(workItems.customerUserId, params.userId)));
    if (own) return { kind: "owner" };
  }
  const code = params.code?.trim().toUpperCase().slice(0, 20);
  // No code, no guess: a signed-in customer naming someone else's number is simply not found.
  if (!code) return { kind: "denied" };
  const keys = trackingThrottleKeys(params.ip, number);
  const retryAt = await lockedUntil(db, keys, now);
  if (retryAt) return { kind: "throttled", retryAt };
  const [match] = await db
    .select({ id: workItems.id })
    .from(workItems)
    .where(and(eq(workItems.number, number), eq(workItems.trackingCode, code)));
  if (match) return { kind: "code" };
  await recordFailure(db, keys, now);
  return { kind: "denied" };
}

/** Whole seconds until a lock ends, at least 1 (the `Retry-After` header). */
export function retryAfterSeconds(retryAt: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}
