import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge, localName } from "@/components/backoffice/admin-ui";
import { day, TableScroll, td, th } from "@/components/backoffice/billing/format";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { listTariffsAdmin } from "@/lib/billing/admin-tariffs";
import { localDate } from "@/lib/billing/dates";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billingAdmin.tariffs"))("title") };
}

/** Every tariff with its dated versions: which is in force, which are drafts. */
export default async function TariffsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("tariffs"));
  const utility = await getCurrentUtility();
  const today = localDate(new Date(), utility.timeZone);
  const [t, ts, all] = await Promise.all([
    getTranslations("billingAdmin.tariffs"),
    getTranslations("contracts.service"),
    listTariffsAdmin(getDb(), today),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {all.map((tariff) => (
        <Card key={tariff.id} className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <div className="min-w-0">
              <h2 className="text-lg font-bold">
                <Link href={`/backoffice/tariffs/${tariff.id}`} className="hover:underline">
                  {localName(tariff, locale)}
                </Link>
              </h2>
              <p className="text-sm text-slate-600">
                <bdi className="ltr-nums">{tariff.code}</bdi> · {ts(tariff.service)} ·{" "}
                {t("territory")} <bdi className="ltr-nums">{tariff.territory}</bdi> ·{" "}
                {tariff.currency}
              </p>
            </div>
            <Link
              href={`/backoffice/tariffs/${tariff.id}/new`}
              className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
            >
              {t("newDraft")}
            </Link>
          </div>
          {tariff.versions.length ? (
            <TableScroll>
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b border-slate-200">
                    <th className={th}>{t("effectiveFrom")}</th>
                    <th className={th}>{t("versions")}</th>
                    <th className={th}>
                      <span className="sr-only">{t("view")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tariff.versions.map((v) => (
                    <tr key={v.id} className="border-b border-slate-100 last:border-0">
                      <td className={td}>{day(v.effectiveFrom, locale)}</td>
                      <td className={td}>
                        <div className="flex flex-wrap gap-1">
                          <Badge tone={v.status === "draft" ? "warning" : "neutral"}>
                            {t(`status.${v.status}`)}
                          </Badge>
                          {v.id === tariff.inForceId ? (
                            <Badge tone="success">{t("inForce")}</Badge>
                          ) : null}
                        </div>
                      </td>
                      <td className={`${td} text-end`}>
                        <Link
                          href={`/backoffice/tariffs/${tariff.id}?v=${v.id}`}
                          className="font-semibold text-brand-800 hover:underline"
                        >
                          {t("view")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p className="text-sm text-slate-600">{t("noVersions")}</p>
          )}
        </Card>
      ))}
    </div>
  );
}
