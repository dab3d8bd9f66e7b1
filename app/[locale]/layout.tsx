import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { direction, isLocale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import "../globals.css";

// Shipped with the project (an npm package), so nothing is fetched at build or run time.
const naskh = localFont({
  src: [
    {
      path: "../../node_modules/@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf",
      weight: "400",
    },
    {
      path: "../../node_modules/@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf",
      weight: "700",
    },
  ],
  variable: "--font-naskh",
  display: "swap",
  preload: false,
});

// Every page reads the utility's settings and the session from the database: nothing is
// prerendered at build time (the build needs no database).
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f6a85" };

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("description"),
  };
}

// Client components get only the catalogue parts they use: less JavaScript on a slow phone.
const CLIENT_NAMESPACES = [
  "validation",
  "errors",
  "forms",
  "complaints",
  "readings",
  "contracts",
] as const;

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const messages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, MESSAGES[locale][ns]]));
  return (
    <html lang={locale} dir={direction(locale)} className={naskh.variable}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider locale={locale} messages={messages}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
