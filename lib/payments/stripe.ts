import Stripe from "stripe";
import { env } from "@/lib/env";

let client: { key: string; base: string | undefined; stripe: Stripe } | undefined;

/**
 * The Stripe client, made once per key. STRIPE_API_BASE points it at a local server in tests
 * (the SDK takes host, port and protocol); retries are ours to decide (the payment id is the
 * idempotency key, so the caller may simply retry the whole checkout).
 */
export function stripeClient(): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base } = env();
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set");
  if (client && client.key === key && client.base === base) return client.stripe;
  const target = base ? new URL(base) : undefined;
  const stripe = new Stripe(key, {
    maxNetworkRetries: 0,
    telemetry: false,
    timeout: 20_000,
    ...(target
      ? {
          host: target.hostname,
          port: Number(target.port || (target.protocol === "https:" ? 443 : 80)),
          protocol: target.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
  client = { key, base, stripe };
  return stripe;
}

export type CheckoutLine = { name: string; amountMinor: number };

/**
 * A Checkout Session in payment mode: one line per bill (or one "payment on account" line for
 * a chosen amount), amounts in minor units, the payment id as client reference, metadata and
 * idempotency key, so a retried start returns the same session.
 */
export async function createStripeCheckout(params: {
  paymentId: string;
  billIds: string[];
  currency: string;
  lines: CheckoutLine[];
  locale: "ar" | "fr" | "en";
  successUrl: string;
  cancelUrl: string;
}): Promise<{ sessionId: string; url: string }> {
  const session = await stripeClient().checkout.sessions.create(
    {
      mode: "payment",
      line_items: params.lines.map((line) => ({
        quantity: 1,
        price_data: {
          currency: params.currency.toLowerCase(),
          unit_amount: line.amountMinor,
          product_data: { name: line.name },
        },
      })),
      client_reference_id: params.paymentId,
      metadata: { paymentId: params.paymentId, billIds: params.billIds.join(",") },
      payment_intent_data: { metadata: { paymentId: params.paymentId } },
      // Stripe has no Arabic Checkout page: "auto" follows the browser.
      locale: params.locale === "ar" ? "auto" : params.locale,
      success_url: params.successUrl,
      cancel_url: params.cancelUrl,
    },
    { idempotencyKey: params.paymentId },
  );
  if (!session.url) throw new Error(`Stripe session ${session.id} has no url`);
  return { sessionId: session.id, url: session.url };
}

/** The payment page of an existing session (a retried checkout of a payment already started). */
export async function stripeCheckoutUrl(sessionId: string): Promise<string | null> {
  const session = await stripeClient().checkout.sessions.retrieve(sessionId);
  return session.status === "open" ? session.url : null;
}
