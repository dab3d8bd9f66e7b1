import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * The catalogue parts the administrators' client forms read. The root layout sends client
 * components only a few namespaces; a provider here adds the admin ones for these pages alone
 * (a nested provider replaces its parent's messages, so the shared ones are passed again).
 */
export function AdminIntl({
  locale,
  extra,
  children,
}: {
  locale: Locale;
  /** A domain's own client-side parts (its form errors and field names), added to the admin ones. */
  extra?: Record<string, unknown>;
  children: ReactNode;
}) {
  const m = MESSAGES[locale];
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={{
        validation: m.validation,
        errors: m.errors,
        admin: { form: m.admin.form, validation: m.admin.validation },
        ...extra,
      }}
    >
      {children}
    </NextIntlClientProvider>
  );
}
