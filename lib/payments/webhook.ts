import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db, Tx } from "@/db/client";
import { payments, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/audit/write-audit";
import { isUuid } from "@/lib/validation/ids";
import { claimEvent, closePendingPayment, refundPayment, settlePayment } from "./ledger";

/**
 * Stripe's events, one handler per type. Each runs in one transaction that first records the
 * event id (claimEvent): a redelivered event finds it and changes nothing. Events may arrive in
 * any order; settling is idempotent, so "async payment succeeded" before "completed" is fine.
 */

const STRIPE: Actor = { kind: "system", label: "stripe" };

export type WebhookOutcome = "handled" | "duplicate" | "ignored" | "unknown_payment";

type Handler = (tx: Tx, event: Stripe.Event) => Promise<WebhookOutcome>;

function sessionOf(event: Stripe.Event): Stripe.Checkout.Session {
  return event.data.object as Stripe.Checkout.Session;
}

function idOf(ref: string | { id: string } | null | undefined): string | null {
  if (!ref) return null;
  return typeof ref === "string" ? ref : ref.id;
}

/** Our payment behind a Checkout Session (its client reference, or its metadata). */
async function paymentOfSession(tx: Tx, session: Stripe.Checkout.Session): Promise<Payment | null> {
  const id = session.client_reference_id ?? session.metadata?.paymentId ?? null;
  if (!isUuid(id)) return null;
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.id, id), eq(payments.provider, "stripe")));
  return payment ?? null;
}

function warnUnknown(event: Stripe.Event, detail: string) {
  // Kept for reconciliation: money Stripe holds that no payment of ours expects.
  console.warn(`[stripe] ${event.type} ${event.id}: no matching payment (${detail})`);
}

async function settleSession(tx: Tx, event: Stripe.Event): Promise<WebhookOutcome> {
  const session = sessionOf(event);
  const payment = await paymentOfSession(tx, session);
  if (!payment) {
    warnUnknown(event, `session ${session.id}`);
    return "unknown_payment";
  }
  await settlePayment(tx, {
    paymentId: payment.id,
    amountMinor: session.amount_total ?? undefined,
    currency: session.currency ?? undefined,
    providerPaymentId: idOf(session.payment_intent),
    receivedAt: new Date(event.created * 1000),
    actor: STRIPE,
  });
  return "handled";
}

const handlers: Partial<Record<string, Handler>> = {
  "checkout.session.completed": async (tx, event) => {
    // A bank transfer or voucher completes the session unpaid: wait for its async result.
    if (sessionOf(event).payment_status !== "paid") {
      const payment = await paymentOfSession(tx, sessionOf(event));
      if (!payment) warnUnknown(event, `session ${sessionOf(event).id}`);
      return payment ? "ignored" : "unknown_payment";
    }
    return settleSession(tx, event);
  },
  "checkout.session.async_payment_succeeded": settleSession,
  "checkout.session.async_payment_failed": async (tx, event) => {
    const payment = await paymentOfSession(tx, sessionOf(event));
    if (!payment) return (warnUnknown(event, sessionOf(event).id), "unknown_payment");
    await closePendingPayment(tx, {
      paymentId: payment.id,
      status: "failed",
      reason: "async_payment_failed",
      actor: STRIPE,
    });
    return "handled";
  },
  "checkout.session.expired": async (tx, event) => {
    const payment = await paymentOfSession(tx, sessionOf(event));
    if (!payment) return (warnUnknown(event, sessionOf(event).id), "unknown_payment");
    await closePendingPayment(tx, {
      paymentId: payment.id,
      status: "cancelled",
      reason: "checkout_expired",
      actor: STRIPE,
    });
    return "handled";
  },
  "charge.refunded": async (tx, event) => {
    const charge = event.data.object as Stripe.Charge;
    const intent = idOf(charge.payment_intent);
    const [payment] = intent
      ? await tx
          .select()
          .from(payments)
          .where(and(eq(payments.provider, "stripe"), eq(payments.providerPaymentId, intent)))
      : [];
    if (!payment) return (warnUnknown(event, `payment_intent ${intent}`), "unknown_payment");
    await refundPayment(tx, {
      paymentId: payment.id,
      refundedTotalMinor: charge.amount_refunded,
      actor: STRIPE,
    });
    return "handled";
  },
};

/** The payment id an event names, for the processed-events row. */
function paymentIdHint(event: Stripe.Event): string | null {
  if (!event.type.startsWith("checkout.session.")) return null;
  const s = sessionOf(event);
  const id = s.client_reference_id ?? s.metadata?.paymentId ?? null;
  return isUuid(id) ? id : null;
}

/**
 * Handle one verified Stripe event. An unknown type is acknowledged and ignored; an error
 * rolls the whole transaction back (the event is not recorded) so that Stripe's retry can
 * succeed later.
 */
export async function handleStripeEvent(db: Db, event: Stripe.Event): Promise<WebhookOutcome> {
  const handler = handlers[event.type];
  if (!handler) return "ignored";
  return db.transaction(async (tx) => {
    const fresh = await claimEvent(tx, {
      provider: "stripe",
      eventId: event.id,
      type: event.type,
      paymentId: paymentIdHint(event),
    });
    if (!fresh) return "duplicate";
    return handler(tx, event);
  });
}
