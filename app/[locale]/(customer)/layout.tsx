import type { ReactNode } from "react";
import { PublicShell } from "@/components/layout/public-shell";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { isLocale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { signOutAction, switchLanguageAction } from "../shell-actions";

/** The customer's own space: signed-in customers only (staff go to the back office). */
export default async function CustomerLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  const prefix = isLocale(locale) ? locale : "ar";
  const [user, utility] = await Promise.all([requireCustomerPage(prefix), getCurrentUtility()]);
  return (
    <PublicShell
      user={user}
      utility={utility}
      switchLanguage={switchLanguageAction}
      signOut={signOutAction}
    >
      {children}
    </PublicShell>
  );
}
