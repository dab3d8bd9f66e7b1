import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import type { Locale } from "@/lib/i18n/locales";

/** The catalogue parts the mail registry's client components read (deposit form, print button). */
export function RegistryIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ClientMessages
      locale={locale}
      pick={(m) => ({
        registry: { deposit: m.registry.deposit, category: m.registry.category },
        paymentsAdmin: { print: m.paymentsAdmin.print },
      })}
    >
      {children}
    </ClientMessages>
  );
}
