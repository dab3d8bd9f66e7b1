import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { BackofficeShell } from "@/components/backoffice/backoffice-shell";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { sectionsFor } from "@/lib/backoffice/navigation";
import { listStaffDepartments } from "@/lib/backoffice/queries";
import { getDb } from "@/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { utilityName } from "@/lib/utility/get-utility";
import { signOutAction, switchLanguageAction } from "../../shell-actions";

export default async function BackofficeLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale);
  const [t, utility, departments] = await Promise.all([
    getTranslations(),
    getCurrentUtility(),
    listStaffDepartments(getDb(), { userId: user.id }),
  ]);
  // A department's own work (the registers, billing, connections) is listed only to its staff.
  const nav = sectionsFor(
    user.role,
    departments.map((d) => d.code),
  ).map((s) => ({ href: s.href, label: t(s.labelKey as never) }));
  return (
    <BackofficeShell
      user={user}
      utilityName={utilityName(utility, locale)}
      logo={utility.logoPath}
      nav={nav}
      switchLanguage={switchLanguageAction}
      signOut={signOutAction}
    >
      {children}
    </BackofficeShell>
  );
}
