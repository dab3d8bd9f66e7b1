import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";

/**
 * The catalogue parts a section's client components read in the browser. The root layout sends
 * client components only a few namespaces; a nested provider replaces its parent's messages, so
 * the shared ones (form validation and error texts) are passed again beside the section's own,
 * which `pick` chooses from the whole catalogue of the language. Only what is picked is sent.
 */
export function ClientMessages({
  locale,
  pick,
  children,
}: {
  locale: Locale;
  pick: (m: Messages) => Record<string, unknown>;
  children: ReactNode;
}) {
  const m = MESSAGES[locale];
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={{ validation: m.validation, errors: m.errors, ...pick(m) }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
