import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type CheckoutProvider = "stripe" | "test";

/**
 * Which provider takes online payments: Stripe once both of its secrets are configured,
 * otherwise the built-in test provider (no real money), which production refuses unless
 * TEST_PAYMENTS=enabled says that a demo deployment wants it.
 */
export function checkoutProvider(): CheckoutProvider {
  const e = env();
  if (e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET) return "stripe";
  if (e.NODE_ENV === "production" && e.TEST_PAYMENTS !== "enabled")
    throw new AppError("UNAVAILABLE", "online payments are not configured");
  return "test";
}

/** Whether the test provider may confirm payments here (its pages and callback route). */
export function testProviderAllowed(): boolean {
  const e = env();
  return e.NODE_ENV !== "production" || e.TEST_PAYMENTS === "enabled";
}
