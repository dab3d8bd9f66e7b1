import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import type { Locale } from "@/lib/i18n/locales";

/** The catalogue parts the payment forms read in the browser. */
export function PaymentsIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ClientMessages
      locale={locale}
      pick={(m) => ({
        payments: {
          pay: m.payments.pay,
          errors: m.payments.errors,
          test: m.payments.test,
          quick: m.payments.quick,
        },
      })}
    >
      {children}
    </ClientMessages>
  );
}
