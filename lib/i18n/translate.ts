import { createTranslator } from "next-intl";
import { MESSAGES } from "./messages";
import type { Locale } from "./locales";

/**
 * A translator outside React (e-mails, API errors, jobs). Keys are checked against the English
 * catalogue, which the catalogue test keeps identical in shape to the other two.
 */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
