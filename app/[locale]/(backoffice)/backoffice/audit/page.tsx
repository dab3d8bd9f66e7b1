import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listAudit } from "@/lib/audit/queries";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.nav"))("audit") };
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ entity?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("audit"));
  const { entity } = await searchParams;
  const entityType =
    typeof entity === "string" && /^[a-z_]{1,40}$/.test(entity) ? entity : undefined;
  const [t, rows, utility] = await Promise.all([
    getTranslations("backoffice.audit"),
    listAudit(getDb(), { entityType, limit: 100 }),
    getCurrentUtility(),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {rows.length === 0 ? <p className="text-slate-600">{t("empty")}</p> : null}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full min-w-[40rem] text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2 text-start">
                {t("at")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("actor")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("action")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("entity")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("ip")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, actorName, actorEmail }) => (
              <tr key={row.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 whitespace-nowrap">
                  {formatDateTime(row.at, locale, utility.timeZone)}
                </td>
                <td className="px-3 py-2">
                  {actorName ? (
                    <span title={actorEmail ?? undefined}>{actorName}</span>
                  ) : (
                    (row.actorLabel ?? "—")
                  )}
                </td>
                <td className="ltr-nums px-3 py-2 font-mono">{row.action}</td>
                <td className="ltr-nums px-3 py-2 font-mono">
                  {row.entityType}:{row.entityId.slice(0, 8)}
                </td>
                <td className="ltr-nums px-3 py-2 font-mono">{row.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
