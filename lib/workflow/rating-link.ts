import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

function sign(itemId: string): string {
  return createHmac("sha256", secret()).update(`rate:${itemId}`).digest("base64url").slice(0, 32);
}

/**
 * A link that lets the customer rate an item from the e-mail without signing in: the item id
 * with an HMAC under the server's secret, so it cannot be forged for another item.
 */
export function ratingToken(itemId: string): string {
  return `${itemId}.${sign(itemId)}`;
}

/** The item id a token was made for, or null when it was not made by this server. */
export function verifyRatingToken(token: string): string | null {
  const match =
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{32})$/.exec(
      token,
    );
  if (!match) return null;
  const [, itemId, given] = match as unknown as [string, string, string];
  const expected = Buffer.from(sign(itemId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? itemId : null;
}

export function ratingLink(locale: Locale, itemId: string): string {
  return `${env().APP_URL}/${locale}/rate/${ratingToken(itemId)}`;
}
