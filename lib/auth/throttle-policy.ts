/**
 * Throttling of guesses (sign-in, contract linking): a pure rule on one key's state, so the
 * arithmetic is table-tested and the database only stores what it returns.
 */
export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };
export type ThrottlePolicy = { maxFailures: number; windowMs: number; lockMs: number };

export const POLICIES = {
  /** Per account: 5 wrong passwords in 15 minutes lock that account for 15 minutes. */
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  /** Per IP address: wider, since a household or a café shares one address. */
  ip: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  /** Per account linking contracts: 5 wrong contract/serial pairs an hour. */
  link: { maxFailures: 5, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
  /**
   * Per contract, for guests submitting a reading: 5 wrong serials an hour. Guessing a serial
   * from many addresses must still stop; the contract's owner can sign in meanwhile.
   */
  readingContract: { maxFailures: 5, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
  /**
   * Letters to the mail registry, counted on every filing (not only failures): 10 an hour from
   * one address for guests (on top of the proof of work), 20 an hour per signed-in account.
   */
  registryGuest: { maxFailures: 10, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
  registryAccount: { maxFailures: 20, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
  /**
   * Guests following an item with its number and tracking code (the tracking page, the item
   * API, a letter's acknowledgement and reply): wrong pairs, counted twice.
   *
   * Per address, 10 in 15 minutes: an honest guest copies the code from a link, a QR code or
   * the acknowledgement, so ten misses is a sweep over numbers, not typing. A café or a carrier
   * that shares one address locks its guests for at most 15 minutes, and owners can sign in.
   *
   * Per item number, 20 in an hour, whatever the address: codes have ~40 bits, so this stops a
   * guess spread over many addresses at one known number (a neighbour's complaint) while never
   * locking a guest out for more than 15 minutes at a time. The lock is short on purpose:
   * numbers are sequential, so anyone can lock a number; a short lock bounds that nuisance,
   * and every further wrong pair in the hour locks it again, so guessing gains nothing.
   */
  trackIp: { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  trackNumber: { maxFailures: 20, windowMs: 60 * 60_000, lockMs: 15 * 60_000 },
  /**
   * Files uploaded through POST /api/v1/files, counted on every upload (not only failures). A
   * guest needs at most a dozen for one form (ten letter attachments, a connection's documents),
   * so 30 an hour from one address leaves room for a retry and caps what an anonymous sender
   * can pile on the disk at 300 MB an hour; a signed-in account, 100 an hour. The lock is 15
   * minutes, which is what the localised "too many attempts" message promises.
   */
  uploadGuest: { maxFailures: 30, windowMs: 60 * 60_000, lockMs: 15 * 60_000 },
  uploadAccount: { maxFailures: 100, windowMs: 60 * 60_000, lockMs: 15 * 60_000 },
} satisfies Record<string, ThrottlePolicy>;

export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil > now;
}

/** The state after one more failure at `now`. */
export function afterFailure(
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < policy.windowMs;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  const lockedUntil =
    failures >= policy.maxFailures
      ? new Date(now.getTime() + policy.lockMs)
      : (state?.lockedUntil ?? null);
  return { failures, windowStartedAt, lockedUntil };
}
