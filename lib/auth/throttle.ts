import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { authThrottle } from "@/db/schema";
import { afterFailure, isLocked, POLICIES } from "./throttle-policy";

export type ThrottleKey = { key: string; policy: keyof typeof POLICIES };

export const throttleKeys = {
  account: (email: string): ThrottleKey => ({
    key: `account:${email.toLowerCase()}`,
    policy: "account",
  }),
  ip: (ip: string | null): ThrottleKey => ({ key: `ip:${ip ?? "unknown"}`, policy: "ip" }),
  link: (userId: string): ThrottleKey => ({ key: `link:${userId}`, policy: "link" }),
  /** Guests reading a meter: wrong contract/serial pairs naming this (canonical) contract. */
  readingContract: (contractNo: string): ThrottleKey => ({
    key: `reading:${contractNo}`,
    policy: "readingContract",
  }),
  /** Letters deposited with the mail registry, by a guest's address or a customer's account. */
  registryGuest: (ip: string | null): ThrottleKey => ({
    key: `registry:ip:${ip ?? "unknown"}`,
    policy: "registryGuest",
  }),
  registryAccount: (userId: string): ThrottleKey => ({
    key: `registry:user:${userId}`,
    policy: "registryAccount",
  }),
  /** Guests following an item by number and tracking code: wrong pairs from one address… */
  trackIp: (ip: string | null): ThrottleKey => ({
    key: `track:ip:${ip ?? "unknown"}`,
    policy: "trackIp",
  }),
  /** Files uploaded through the API: by a guest's address, or by a signed-in account. */
  uploadGuest: (ip: string | null): ThrottleKey => ({
    key: `upload:ip:${ip ?? "unknown"}`,
    policy: "uploadGuest",
  }),
  uploadAccount: (userId: string): ThrottleKey => ({
    key: `upload:user:${userId}`,
    policy: "uploadAccount",
  }),
  /** …and wrong codes for one item number (canonical: trimmed, upper case), from anywhere. */
  trackNumber: (number: string): ThrottleKey => ({
    key: `track:number:${number}`,
    policy: "trackNumber",
  }),
};

/** True when any of the keys is locked now. */
export async function anyLocked(
  db: DbOrTx,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .select()
    .from(authThrottle)
    .where(
      inArray(
        authThrottle.key,
        keys.map((k) => k.key),
      ),
    );
  return rows.some((r) => isLocked(r, now));
}

/** When the last of the keys' locks ends, or null when none is locked now (for Retry-After). */
export async function lockedUntil(
  db: DbOrTx,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<Date | null> {
  const rows = await db
    .select()
    .from(authThrottle)
    .where(
      inArray(
        authThrottle.key,
        keys.map((k) => k.key),
      ),
    );
  const ends = rows.filter((r) => isLocked(r, now)).map((r) => r.lockedUntil!.getTime());
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/** Count one failure against each key (row-locked, so concurrent guesses all count). */
export async function recordFailure(
  db: DbOrTx,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<void> {
  for (const { key, policy } of keys) {
    await db.transaction(async (tx) => {
      await tx
        .insert(authThrottle)
        .values({ key, failures: 0, windowStartedAt: now })
        .onConflictDoNothing();
      const [row] = await tx
        .select()
        .from(authThrottle)
        .where(eq(authThrottle.key, key))
        .for("update");
      const next = afterFailure(row, now, POLICIES[policy]);
      await tx.update(authThrottle).set(next).where(eq(authThrottle.key, key));
    });
  }
}

/** A success clears the account's count (never the IP's: one good password from an IP that
 * guessed a thousand others must not reset its count). */
export async function clearFailures(db: DbOrTx, keys: ThrottleKey[]): Promise<void> {
  if (!keys.length) return;
  await db.delete(authThrottle).where(
    inArray(
      authThrottle.key,
      keys.map((k) => k.key),
    ),
  );
}
