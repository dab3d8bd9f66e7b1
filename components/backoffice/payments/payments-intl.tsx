import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import type { Locale } from "@/lib/i18n/locales";

/** The catalogue parts the payments back office's client forms read: errors, fields, print. */
export function PaymentsIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ClientMessages
      locale={locale}
      pick={(m) => ({
        paymentsAdmin: {
          errors: m.paymentsAdmin.errors,
          fields: m.paymentsAdmin.fields,
          print: m.paymentsAdmin.print,
        },
      })}
    >
      {children}
    </ClientMessages>
  );
}
