import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import type { Locale } from "@/lib/i18n/locales";

/** The catalogue parts the administrators' client forms read, and a domain's own beside them. */
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
  return (
    <ClientMessages
      locale={locale}
      pick={(m) => ({ admin: { form: m.admin.form, validation: m.admin.validation }, ...extra })}
    >
      {children}
    </ClientMessages>
  );
}
