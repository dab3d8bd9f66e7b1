import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import type { Locale } from "@/lib/i18n/locales";

/** The catalogue parts the billing back office's client forms read: their errors, fields, import. */
export function BillingIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ClientMessages
      locale={locale}
      pick={(m) => ({
        billingAdmin: {
          errors: m.billingAdmin.errors,
          fields: m.billingAdmin.fields,
          import: m.billingAdmin.import,
        },
      })}
    >
      {children}
    </ClientMessages>
  );
}
