import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { inputClass } from "@/components/backoffice/admin-ui";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { listConnectionsQueue } from "@/lib/connections/queries";
import { ALL_STAGES } from "@/lib/connections/stages";
import { formatDate } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections.admin"))("title") };
}

export default async function ConnectionsQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ stage?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const staff = await requireStaffPage(locale, rolesFor("connections"));
  const { stage } = await searchParams;
  const chosen = ALL_STAGES.find((s) => s === stage);
  const [t, rows, utility] = await Promise.all([
    getTranslations("connections"),
    listConnectionsQueue(getDb(), staff, { stage: chosen }),
    getCurrentUtility(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle lead={t("admin.lead")}>{t("admin.title")}</PageTitle>
      <form className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t("stage")}
          <select name="stage" defaultValue={chosen ?? ""} className={inputClass}>
            <option value="">{t("admin.allStages")}</option>
            {ALL_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}` as never)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          {t("admin.filter")}
        </Button>
      </form>
      {rows.length === 0 ? (
        <Card>
          <p>{t("admin.empty")}</p>
        </Card>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-start text-sm" data-testid="connections-queue">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th className="p-2 text-start">{t("number")}</th>
                <th className="p-2 text-start">{t("admin.type")}</th>
                <th className="p-2 text-start">{t("admin.applicant")}</th>
                <th className="p-2 text-start">{t("stage")}</th>
                <th className="p-2 text-start">{t("admin.due")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-100">
                  <td className="p-2">
                    <Link
                      href={`/backoffice/connections/${r.id}`}
                      className="ltr-nums font-mono font-semibold text-brand-700 underline"
                    >
                      {r.number}
                    </Link>
                  </td>
                  <td className="p-2">
                    {locale === "ar" ? r.typeNameAr : locale === "fr" ? r.typeNameFr : r.typeNameEn}{" "}
                    · {t(`service.${r.service}`)}
                  </td>
                  <td className="p-2">
                    <bdi>{(r.applicant as Record<string, string>).name}</bdi> · {r.city}
                  </td>
                  <td className="p-2 font-semibold">{t(`stages.${r.stage}` as never)}</td>
                  <td className="p-2">
                    {r.dueAt ? <bdi>{formatDate(r.dueAt, locale, utility.timeZone)}</bdi> : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
