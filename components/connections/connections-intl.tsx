import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * The catalogue parts the connection forms read in the browser (the root layout sends client
 * components only a few namespaces; a nested provider replaces its parent's messages).
 */
export function ConnectionsIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  const m = MESSAGES[locale];
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={{ validation: m.validation, errors: m.errors, connections: m.connections }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
