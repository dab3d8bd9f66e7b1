import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connectionQuotes, connectionRequests, payments } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { AppError } from "@/lib/errors";
import { paymentIdFor, testProviderUrl } from "./checkout";
import { createPendingPayment } from "./ledger";
import { checkoutProvider } from "./provider";
import { createStripeCheckout } from "./stripe";

/** Where the payer of a quote lands after the provider: their request's page. */
export function quoteReturnUrl(origin: string, locale: Locale, requestId: string): string {
  return `${origin.replace(/\/+$/, "")}/${locale}/connections/${requestId}`;
}

/**
 * Open an online checkout for the issued quote of the customer's own request (anyone else's is
 * NOT_FOUND). The payment carries the quote id and no bills, so the ledger settles the quote and
 * leaves every bill as it is; it belongs to the contract the request prepared. The same
 * idempotency key answers with the same checkout.
 */
export async function startQuoteCheckout(
  db: Db,
  input: {
    requestId: string;
    userId: string;
    locale: Locale;
    origin: string;
    idempotencyKey?: string;
  },
): Promise<{ paymentId: string; url: string }> {
  const [row] = await db
    .select({ quote: connectionQuotes, contractId: connectionRequests.contractId })
    .from(connectionQuotes)
    .innerJoin(connectionRequests, eq(connectionRequests.id, connectionQuotes.requestId))
    .where(
      and(
        eq(connectionRequests.id, input.requestId),
        eq(connectionRequests.customerUserId, input.userId),
        eq(connectionQuotes.status, "issued"),
      ),
    );
  if (!row || !row.contractId) throw new AppError("NOT_FOUND", "no quote to pay");
  const { quote } = row;
  const paymentId = paymentIdFor(
    `user:${input.userId}`,
    input.idempotencyKey ?? `quote:${quote.id}`,
  );
  const [existing] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (existing && existing.status === "pending" && existing.provider === "test")
    return { paymentId, url: testProviderUrl(input.origin, input.locale, paymentId) };
  if (existing && existing.status !== "pending")
    return { paymentId, url: quoteReturnUrl(input.origin, input.locale, input.requestId) };

  const provider = checkoutProvider();
  let providerRef = `test_${paymentId}`;
  let url = testProviderUrl(input.origin, input.locale, paymentId);
  if (provider === "stripe") {
    const back = quoteReturnUrl(input.origin, input.locale, input.requestId);
    const session = await createStripeCheckout({
      paymentId,
      billIds: [],
      currency: quote.currency,
      lines: [
        {
          name: translator(input.locale)("connections.quoteLine", { number: quote.number }),
          amountMinor: quote.totalMinor,
        },
      ],
      locale: input.locale,
      successUrl: back,
      cancelUrl: back,
    });
    providerRef = session.sessionId;
    url = session.url;
  }
  await db.transaction((tx) =>
    createPendingPayment(tx, {
      id: paymentId,
      provider,
      providerRef,
      contractId: row.contractId!,
      userId: input.userId,
      billIds: [],
      quoteId: quote.id,
      amountMinor: quote.totalMinor,
      currency: quote.currency,
      locale: input.locale,
      method: "card",
    }),
  );
  return { paymentId, url };
}

/** The request page a quote's payer returns to, as a path (the test provider's redirect). */
export async function quotePayerReturn(db: Db, quoteId: string, locale: Locale): Promise<string> {
  const [quote] = await db
    .select({ requestId: connectionQuotes.requestId })
    .from(connectionQuotes)
    .where(eq(connectionQuotes.id, quoteId));
  return quoteReturnUrl("", locale, quote!.requestId);
}
