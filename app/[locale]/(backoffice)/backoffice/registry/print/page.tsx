import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/backoffice/payments/print-button";
import { RegistryIntl } from "@/components/registry/registry-intl";
import { getDb } from "@/db/client";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { departmentDirectory } from "@/lib/registry/department-names";
import { registerForPeriod } from "@/lib/registry/export";
import { requireRegistryPage } from "@/lib/registry/page-guard";
import { registerFiltersSchema } from "@/lib/registry/schemas";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registry.admin"))("print") };
}

/** The register of a period as it is printed and signed: every entry once, in number order. */
export default async function RegisterPrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const staff = await requireRegistryPage(locale);
  const filters = registerFiltersSchema.parse(await searchParams);
  const db = getDb();
  const [t, ti, ts, utility, directory] = await Promise.all([
    getTranslations("registry.admin"),
    getTranslations("registry"),
    getTranslations("items.status"),
    getCurrentUtility(),
    departmentDirectory(db, locale),
  ]);
  const rows = await registerForPeriod(db, staff, filters, utility.timeZone);
  const incoming = filters.direction === "incoming";
  const day = (d: string | undefined) => (d ? formatDate(`${d}T12:00:00Z`, locale, "UTC") : "…");
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">
          {t("printTitle", {
            register: incoming ? t("incoming") : t("outgoing"),
            from: day(filters.from),
            to: day(filters.to),
          })}
        </h1>
        <RegistryIntl locale={locale}>
          <PrintButton />
        </RegistryIntl>
      </div>
      <p className="text-sm text-slate-600">
        {t("results", { count: rows.length })} ·{" "}
        {t("printedAt", { date: formatDateTime(new Date(), locale, utility.timeZone) })}
      </p>
      <table className="w-full border-collapse text-xs">
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th className="p-1 text-start">{t("number")}</th>
            <th className="p-1 text-start">{t("registeredAt")}</th>
            <th className="p-1 text-start">{t("channel")}</th>
            <th className="p-1 text-start">{t("category")}</th>
            <th className="p-1 text-start">{incoming ? t("sender") : t("addressee")}</th>
            <th className="p-1 text-start">{t("subject")}</th>
            {incoming ? (
              <>
                <th className="p-1 text-start">{t("departments")}</th>
                <th className="p-1 text-start">{t("status")}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="break-inside-avoid border-b border-slate-200 align-top">
              <td className="p-1 font-semibold whitespace-nowrap">
                <bdi>{r.registryNo}</bdi>
              </td>
              <td className="p-1 whitespace-nowrap">
                {formatDateTime(r.registeredAt, locale, utility.timeZone)}
              </td>
              <td className="p-1">{ti(`channel.${r.channel}`)}</td>
              <td className="p-1">{ti(`category.${r.category}`)}</td>
              <td className="p-1" dir="auto">
                {r.partyName}
                {r.partyNationalId ? ` (${r.partyNationalId})` : ""}
              </td>
              <td className="p-1" dir="auto">
                {r.subject}
              </td>
              {incoming ? (
                <>
                  <td className="p-1">
                    {r.departments
                      .map((d) => `${directory.name(d.code)}${d.lead ? "" : ` (${t("copy")})`}`)
                      .join(locale === "ar" ? "، " : ", ")}
                  </td>
                  <td className="p-1">{r.status ? ts(r.status) : ""}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
