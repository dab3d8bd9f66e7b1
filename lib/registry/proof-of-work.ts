import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { registryChallenges } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * A proof of work for anonymous letters, with no third-party service: the server hands out a
 * challenge it signed (HMAC, so nobody can forge an easy one), the browser searches a nonce
 * whose SHA-256 with the challenge starts with `bits` zero bits (about 2^bits hashes with Web
 * Crypto, a second or two), and the server checks it in one hash and spends the challenge in
 * the filing transaction, so one solution files one letter. It costs a person nothing and a
 * script that files thousands of letters real CPU time, on top of the per-address rate limit.
 * The difficulty is REGISTRY_POW_BITS (16 by default).
 */
const LIFETIME_MS = 6 * 3600_000;

function secret(): string {
  const value = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

function sign(payload: string): string {
  return createHmac("sha256", secret())
    .update(`registry-pow:${payload}`)
    .digest("base64url")
    .slice(0, 32);
}

/** "<id>.<expires ms>.<bits>.<signature>": opaque to the browser, checked by the server alone. */
export function issueChallenge(now = new Date(), bits = env().REGISTRY_POW_BITS): string {
  const payload = `${randomBytes(12).toString("base64url")}.${now.getTime() + LIFETIME_MS}.${bits}`;
  return `${payload}.${sign(payload)}`;
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The hash the browser computes: SHA-256 of "<challenge>:<nonce>". */
export function proofDigest(challenge: string, nonce: string): Uint8Array {
  return createHash("sha256").update(`${challenge}:${nonce}`).digest();
}

/** Finds a nonce (tests and the API's documentation example; the browser has its own). */
export function solveChallenge(challenge: string): string {
  const bits = Number(challenge.split(".")[2]);
  for (let n = 0; ; n++)
    if (leadingZeroBits(proofDigest(challenge, String(n))) >= bits) return String(n);
}

/**
 * The challenge's id when the solution is right, signed by us, not expired and hard enough;
 * else VALIDATION_FAILED naming the `proof` field. Reuse is refused by `spendChallenge`.
 */
export function verifyProof(
  proof: { challenge?: string; nonce?: string },
  now = new Date(),
): string {
  const refuse = (why: string) => new AppError("VALIDATION_FAILED", why, { proof: "proofInvalid" });
  const { challenge, nonce } = proof;
  if (!challenge || !nonce || !/^\d{1,20}$/.test(nonce)) throw refuse("no proof");
  const parts = challenge.split(".");
  if (parts.length !== 4) throw refuse("malformed challenge");
  const [id, expires, bits, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(`${id}.${expires}.${bits}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw refuse("bad signature");
  if (Number(expires) < now.getTime())
    throw new AppError("VALIDATION_FAILED", "expired", { proof: "proofExpired" });
  if (
    Number(bits) < env().REGISTRY_POW_BITS ||
    leadingZeroBits(proofDigest(challenge, nonce)) < Number(bits)
  )
    throw refuse("not solved");
  return id;
}

/**
 * Spend the challenge in the filing transaction. A second use hits the primary key: the intake
 * path retries once to replay a double click's first answer, and anything else is refused.
 */
export async function spendChallenge(tx: DbOrTx, id: string): Promise<void> {
  await tx.insert(registryChallenges).values({ id });
}

/** True for the unique violation of a spent challenge (another letter used this proof). */
export function isSpentChallenge(error: unknown): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    cause?: { code?: string; constraint?: string };
  };
  const c = e?.cause ?? e;
  return c?.code === "23505" && c?.constraint === "registry_spent_challenges_pkey";
}
