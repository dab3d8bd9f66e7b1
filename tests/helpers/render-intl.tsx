import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Render a server component's output to HTML with the locale's messages, so client
 * components inside it (ActionForm) find their translations as they do on a page.
 */
export async function renderWithIntl(node: ReactNode, locale: Locale): Promise<string> {
  const messages = (await import(`@/lib/i18n/messages/${locale}.json`)) as {
    default: AbstractIntlMessages;
  };
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      messages={messages.default}
      timeZone="Africa/Casablanca"
    >
      {node}
    </NextIntlClientProvider>,
  );
}
