import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BillingIntl } from "@/components/backoffice/billing/billing-intl";
import { ImportForm } from "@/components/backoffice/billing/import-form";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isBillingStaff } from "@/lib/billing/admin-access";
import { IMPORT_COLUMNS } from "@/lib/billing/import-csv";
import { isLocale } from "@/lib/i18n/locales";
import { importBillsAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billingAdmin.import"))("title") };
}

/** Upload a CSV of bills from another system; every row checked, all or nothing imported. */
export default async function ImportBillsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale, rolesFor("bills"));
  if (!(await isBillingStaff(getDb(), user))) notFound();
  const t = await getTranslations("billingAdmin.import");
  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card className="flex flex-col gap-4">
        <div className="flex flex-col gap-2 text-sm text-slate-700">
          <p>{t("formatColumns")}</p>
          <code dir="ltr" className="block rounded bg-slate-100 p-2 text-xs break-words">
            {IMPORT_COLUMNS.join(",")}
          </code>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            {(
              [
                ["formatDates", "YYYY-MM-DD"],
                ["formatAmounts", "120.50"],
                ["formatUnit", "kWh | m3"],
                ["formatReadingType", "agent | self | estimated"],
                ["formatOptional", "previousIndex, newIndex"],
                ["formatDoc", "docs/billing-import.md"],
              ] as const
            ).map(([key, example]) => (
              <div key={key} className="contents">
                <dt className="font-semibold">{t(key)}</dt>
                <dd className="min-w-0 break-words">
                  <code dir="ltr">{example}</code>
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <BillingIntl locale={locale}>
          <ImportForm action={importBillsAction} />
        </BillingIntl>
      </Card>
    </div>
  );
}
