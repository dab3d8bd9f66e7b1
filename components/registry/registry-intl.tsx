import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * The catalogue parts the mail registry's client components read in the browser (the deposit
 * form, the print button). A nested provider replaces its parent's messages, so the shared
 * ones are passed again.
 */
export function RegistryIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  const m = MESSAGES[locale];
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={{
        validation: m.validation,
        errors: m.errors,
        registry: { deposit: m.registry.deposit, category: m.registry.category },
        paymentsAdmin: { print: m.paymentsAdmin.print },
      }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
