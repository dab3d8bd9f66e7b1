import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Where an e-mail sends the customer for an item: their "my requests" page when they have an
 * account, the public tracking page (number + code) when they filed as a guest.
 */
export function itemLink(
  locale: Locale,
  item: { number: string; trackingCode: string; hasAccount: boolean },
): string {
  const base = `${env().APP_URL}/${locale}`;
  return item.hasAccount
    ? `${base}/requests/${encodeURIComponent(item.number)}`
    : `${base}/track?number=${encodeURIComponent(item.number)}&code=${encodeURIComponent(item.trackingCode)}`;
}

export function staffItemLink(locale: Locale, itemId: string): string {
  return `${env().APP_URL}/${locale}/backoffice/items/${itemId}`;
}
