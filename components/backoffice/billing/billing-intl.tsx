import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * The catalogue parts the billing back office's client forms read: their own errors and
 * field names, and the shared validation and error messages (a nested provider replaces its
 * parent's messages, so the shared ones are passed again).
 */
export function BillingIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  const m = MESSAGES[locale];
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={{
        validation: m.validation,
        errors: m.errors,
        billingAdmin: {
          errors: m.billingAdmin.errors,
          fields: m.billingAdmin.fields,
          import: m.billingAdmin.import,
        },
      }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
