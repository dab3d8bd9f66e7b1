import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * The catalogue parts the payments back office's client forms read: their errors and field
 * names, and the shared error messages (a nested provider replaces its parent's messages).
 */
export function PaymentsIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  const m = MESSAGES[locale];
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={{
        errors: m.errors,
        paymentsAdmin: {
          errors: m.paymentsAdmin.errors,
          fields: m.paymentsAdmin.fields,
          print: m.paymentsAdmin.print,
        },
      }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
