import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { payments } from "@/db/schema";
import type { Actor } from "@/lib/audit/write-audit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { claimEvent, closePendingPayment, settlePayment } from "./ledger";

/**
 * The built-in test provider (no keys configured: development, tests, demos). Its page asks
 * "pay, decline or cancel"; the answer becomes a confirmation signed with the server's secret,
 * handled exactly like a provider's webhook: verified, recorded once, then settled or closed
 * by the same ledger functions Stripe's events use.
 */

export const confirmationSchema = z.object({
  eventId: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/),
  paymentId: z.uuid(),
  outcome: z.enum(["paid", "declined", "cancelled"]),
  amountMinor: z.number().int().nonnegative(),
});

export type TestConfirmation = z.infer<typeof confirmationSchema>;

const TEST_PROVIDER: Actor = { kind: "system", label: "test-provider" };

function secret(): string {
  const value = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

/** The exact bytes signed: fixed field order, so that signer and verifier agree. */
export function confirmationBody(c: TestConfirmation): string {
  return JSON.stringify({
    eventId: c.eventId,
    paymentId: c.paymentId,
    outcome: c.outcome,
    amountMinor: c.amountMinor,
  });
}

export function signConfirmation(body: string): string {
  return createHmac("sha256", secret()).update(body).digest("hex");
}

/** The confirmation in a signed body, or null when the signature or the shape is wrong. */
export function verifyConfirmation(
  body: string,
  signature: string | null,
): TestConfirmation | null {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return null;
  const expected = Buffer.from(signConfirmation(body), "hex");
  const given = Buffer.from(signature, "hex");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const result = confirmationSchema.safeParse(parsed);
  return result.success ? result.data : null;
}

/**
 * Apply a verified confirmation: once per event id, in one transaction. A payment of another
 * provider, or unknown, is NOT_FOUND.
 */
export async function handleTestConfirmation(
  db: Db,
  c: TestConfirmation,
): Promise<"handled" | "duplicate"> {
  return db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.id, c.paymentId), eq(payments.provider, "test")));
    if (!payment) throw new AppError("NOT_FOUND", `test payment ${c.paymentId}`);
    const fresh = await claimEvent(tx, {
      provider: "test",
      eventId: c.eventId,
      type: `test.${c.outcome}`,
      paymentId: c.paymentId,
    });
    if (!fresh) return "duplicate";
    if (c.outcome === "paid")
      await settlePayment(tx, {
        paymentId: c.paymentId,
        amountMinor: c.amountMinor,
        receivedAt: new Date(),
        providerPaymentId: `test_pi_${c.eventId}`,
        actor: TEST_PROVIDER,
      });
    else
      await closePendingPayment(tx, {
        paymentId: c.paymentId,
        status: c.outcome === "declined" ? "failed" : "cancelled",
        reason: c.outcome === "declined" ? "card_declined" : "cancelled_by_payer",
        actor: TEST_PROVIDER,
      });
    return "handled";
  });
}

/** Verify a signed confirmation and apply it; a bad signature is a 400 that changes nothing. */
export async function receiveTestConfirmation(
  db: Db,
  body: string,
  signature: string | null,
): Promise<"handled" | "duplicate"> {
  const confirmation = verifyConfirmation(body, signature);
  if (!confirmation)
    throw new AppError("VALIDATION_FAILED", "bad test-provider signature", {
      signature: "invalid",
    });
  return handleTestConfirmation(db, confirmation);
}
