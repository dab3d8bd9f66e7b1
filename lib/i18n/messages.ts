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
import paymentsAr from "./messages/payments/ar.json";
import paymentsEn from "./messages/payments/en.json";
import paymentsFr from "./messages/payments/fr.json";
import paymentsAdminAr from "./messages/payments-admin/ar.json";
import paymentsAdminEn from "./messages/payments-admin/en.json";
import paymentsAdminFr from "./messages/payments-admin/fr.json";
import receiptsAr from "./messages/receipts/ar.json";
import receiptsEn from "./messages/receipts/en.json";
import receiptsFr from "./messages/receipts/fr.json";
import registryAr from "./messages/registry/ar.json";
import registryEn from "./messages/registry/en.json";
import registryFr from "./messages/registry/fr.json";
import reportsAr from "./messages/reports/ar.json";
import reportsEn from "./messages/reports/en.json";
import reportsFr from "./messages/reports/fr.json";
import connectionsAr from "./messages/connections/ar.json";
import connectionsEn from "./messages/connections/en.json";
import connectionsFr from "./messages/connections/fr.json";
import connectionsAdminAr from "./messages/connections-admin/ar.json";
import connectionsAdminEn from "./messages/connections-admin/en.json";
import connectionsAdminFr from "./messages/connections-admin/fr.json";

/**
 * The catalogue of a language: the core file plus one file per large domain (billing, payments,
 * receipts and their back offices), each under its own namespace, so that a domain's strings
 * sit together and can be edited without touching the rest.
 */
export type Messages = typeof en & {
  billing: typeof billingEn;
  billingAdmin: typeof billingAdminEn;
  payments: typeof paymentsEn;
  paymentsAdmin: typeof paymentsAdminEn;
  receipts: typeof receiptsEn;
  registry: typeof registryEn;
  reports: typeof reportsEn;
  connections: typeof connectionsEn;
  connectionsAdmin: typeof connectionsAdminEn;
};

function catalogue(
  core: typeof en,
  parts: Record<
    | "billing"
    | "billingAdmin"
    | "payments"
    | "paymentsAdmin"
    | "receipts"
    | "registry"
    | "reports"
    | "connections"
    | "connectionsAdmin",
    object
  >,
): Messages {
  return { ...core, ...parts } as Messages;
}

/** Catalogues are bundled (a few KB each), so e-mails and API errors need no file reads. */
export const MESSAGES: Record<Locale, Messages> = {
  ar: catalogue(ar as typeof en, {
    billing: billingAr,
    billingAdmin: billingAdminAr,
    payments: paymentsAr,
    paymentsAdmin: paymentsAdminAr,
    receipts: receiptsAr,
    registry: registryAr,
    reports: reportsAr,
    connections: connectionsAr,
    connectionsAdmin: connectionsAdminAr,
  }),
  fr: catalogue(fr as typeof en, {
    billing: billingFr,
    billingAdmin: billingAdminFr,
    payments: paymentsFr,
    paymentsAdmin: paymentsAdminFr,
    receipts: receiptsFr,
    registry: registryFr,
    reports: reportsFr,
    connections: connectionsFr,
    connectionsAdmin: connectionsAdminFr,
  }),
  en: catalogue(en, {
    billing: billingEn,
    billingAdmin: billingAdminEn,
    payments: paymentsEn,
    paymentsAdmin: paymentsAdminEn,
    receipts: receiptsEn,
    registry: registryEn,
    reports: reportsEn,
    connections: connectionsEn,
    connectionsAdmin: connectionsAdminEn,
  }),
};
