import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { getOverviewCounts, listStaffDepartments } from "@/lib/backoffice/queries";
import { rolesFor } from "@/lib/backoffice/navigation";
import { formatInteger } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.nav"))("overview") };
}

export default async function BackofficeHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale, rolesFor("overview"));
  const db = getDb();
  const [t, departments, counts] = await Promise.all([
    getTranslations("backoffice.overview"),
    listStaffDepartments(db, { userId: user.id }),
    getOverviewCounts(db),
  ]);
  const name = (d: (typeof departments)[number]) =>
    locale === "ar" ? d.nameAr : locale === "fr" ? d.nameFr : d.nameEn;
  const stats = [
    { label: t("customers"), value: counts.customers },
    { label: t("activeContracts"), value: counts.activeContracts },
    { label: t("accounts"), value: counts.accounts },
    { label: t("linkedAccounts"), value: counts.linkedAccounts },
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageTitle lead={t("lead")}>{t("title", { name: user.name })}</PageTitle>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{s.label}</dt>
            <dd className="ltr-nums mt-1 text-2xl font-bold">{formatInteger(s.value, locale)}</dd>
          </div>
        ))}
      </dl>
      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("departmentsTitle")}</h2>
        {departments.length ? (
          <ul className="flex flex-wrap gap-2" data-testid="staff-departments">
            {departments.map((d) => (
              <li
                key={d.id}
                className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-900"
              >
                {name(d)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600">{t("noDepartments")}</p>
        )}
      </Card>
    </div>
  );
}
