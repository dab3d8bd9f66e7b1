import type { Locale } from "./locales";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";

export type Messages = typeof en;

/** Catalogues are bundled (a few KB each), so e-mails and API errors need no file reads. */
export const MESSAGES: Record<Locale, Messages> = { ar, fr, en };
