import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The public addresses of a letter, reachable with its number and tracking code alone: the
 * tracking page (also in the acknowledgement's QR code) and the acknowledgement PDF.
 */
export function registryLinks(
  locale: Locale,
  letter: { number: string; trackingCode: string },
): { track: string; acknowledgement: string; trackPath: string } {
  const q = `number=${encodeURIComponent(letter.number)}&code=${encodeURIComponent(letter.trackingCode)}`;
  const trackPath = `/${locale}/track?${q}`;
  return {
    trackPath,
    track: `${env().APP_URL}${trackPath}`,
    acknowledgement: `${env().APP_URL}/api/registry/acknowledgement?${q}&lang=${locale}`,
  };
}

/** The reply letter's PDF, for the sender (number and code of the incoming letter). */
export function replyLetterLink(
  locale: Locale,
  letter: { number: string; trackingCode: string },
): string {
  return `${env().APP_URL}/api/registry/reply?number=${encodeURIComponent(letter.number)}&code=${encodeURIComponent(letter.trackingCode)}&lang=${locale}`;
}
