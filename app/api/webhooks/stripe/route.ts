// POST /api/webhooks/stripe - Stripe's signed events: verify, record once, settle or close the payment
import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { stripeClient } from "@/lib/payments/stripe";
import { handleStripeEvent } from "@/lib/payments/webhook";

export const dynamic = "force-dynamic";

const reply = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function POST(request: Request): Promise<Response> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret || !env().STRIPE_SECRET_KEY) return reply(404, { error: "not configured" });
  // The signature covers the exact bytes: read the raw body, never a re-serialised object.
  const payload = await request.text();
  const signature = request.headers.get("stripe-signature");
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("no signature");
    event = stripeClient().webhooks.constructEvent(payload, signature, secret);
  } catch {
    return reply(400, { error: "invalid signature" });
  }
  try {
    const outcome = await handleStripeEvent(getDb(), event);
    return reply(200, { received: true, outcome });
  } catch (error) {
    // Nothing was recorded (the transaction rolled back): Stripe retries later.
    console.error("[stripe webhook]", event.type, event.id, error);
    return reply(500, { error: "internal" });
  }
}
