import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import type { Locale } from "@/lib/i18n/locales";

/** The catalogue parts the connection forms read in the browser. */
export function ConnectionsIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ClientMessages locale={locale} pick={(m) => ({ connections: m.connections })}>
      {children}
    </ClientMessages>
  );
}
