import type { Locale } from "./locales";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import billingAr from "./messages/billing/ar.json";
import billingEn from "./messages/billing/en.json";
import billingFr from "./messages/billing/fr.json";
import billingAdminAr from "./messages/billing-admin/ar.json";
import billingAdminEn from "./messages/billing-admin/en.json";
import billingAdminFr from "./messages/billing-admin/fr.json";

/**
 * The catalogue of a language: the core file plus one file per large domain (billing, and its
 * back office), each under its own namespace, so that a domain's strings sit together and can
 * be edited without touching the rest.
 */
export type Messages = typeof en & {
  billing: typeof billingEn;
  billingAdmin: typeof billingAdminEn;
};

/** Catalogues are bundled (a few KB each), so e-mails and API errors need no file reads. */
export const MESSAGES: Record<Locale, Messages> = {
  ar: { ...ar, billing: billingAr, billingAdmin: billingAdminAr } as Messages,
  fr: { ...fr, billing: billingFr, billingAdmin: billingAdminFr } as Messages,
  en: { ...en, billing: billingEn, billingAdmin: billingAdminEn },
};
