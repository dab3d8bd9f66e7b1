import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * The catalogue parts the payment forms read in the browser. The root layout sends client
 * components only a few namespaces; a nested provider replaces its parent's messages, so the
 * shared ones are passed again.
 */
export function PaymentsIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  const m = MESSAGES[locale];
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={{
        validation: m.validation,
        errors: m.errors,
        payments: {
          pay: m.payments.pay,
          errors: m.payments.errors,
          test: m.payments.test,
          quick: m.payments.quick,
        },
      }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
