import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge, localName } from "@/components/backoffice/admin-ui";
import { BillingForm } from "@/components/backoffice/billing/billing-form";
import { BillingIntl } from "@/components/backoffice/billing/billing-intl";
import { day, Money, TableScroll, td, th } from "@/components/backoffice/billing/format";
import { TariffDefinitionView } from "@/components/backoffice/billing/tariff-definition";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { getTariffAdmin, previewAgainstInForce } from "@/lib/billing/admin-tariffs";
import { localDate } from "@/lib/billing/dates";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { deleteTariffDraftAction, publishTariffVersionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billingAdmin.tariffs"))("title") };
}

/** One tariff: its versions, one version read in full, its preview, and publication. */
export default async function TariffPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; tariffId: string }>;
  searchParams: Promise<{ v?: string }>;
}) {
  const [{ locale: raw, tariffId }, { v }] = await Promise.all([params, searchParams]);
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("tariffs"));
  const utility = await getCurrentUtility();
  const today = localDate(new Date(), utility.timeZone);
  const tariff = await getTariffAdmin(getDb(), { tariffId, today });
  if (!tariff) notFound();
  const [t, tv, tu] = await Promise.all([
    getTranslations("billingAdmin.tariffs"),
    getTranslations("billingAdmin.version"),
    getTranslations("billingAdmin.common.units"),
  ]);
  const version =
    tariff.versions.find((x) => x.id === v) ??
    tariff.versions.find((x) => x.id === tariff.inForceId) ??
    tariff.versions[0];
  const preview = version ? previewAgainstInForce(tariff, version.id) : null;

  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={`${tariff.code} · ${tariff.territory} · ${tariff.currency}`}>
        {localName(tariff, locale)}
      </PageTitle>
      <div className="flex flex-wrap items-center gap-2">
        <Link
          href="/backoffice/tariffs"
          className="text-sm font-semibold text-brand-800 hover:underline"
        >
          <span aria-hidden className="inline-block rtl:rotate-180">
            ←
          </span>{" "}
          {t("title")}
        </Link>
        <Link
          href={`/backoffice/tariffs/${tariff.id}/new${version ? `?from=${version.id}` : ""}`}
          className="ms-auto rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50"
        >
          {t("newDraft")}
        </Link>
      </div>
      <nav aria-label={t("versions")} className="flex flex-wrap gap-2">
        {tariff.versions.map((x) => (
          <Link
            key={x.id}
            href={`/backoffice/tariffs/${tariff.id}?v=${x.id}`}
            aria-current={x.id === version?.id ? "page" : undefined}
            className={`flex items-center gap-1 rounded-full border px-3 py-1 text-sm ${
              x.id === version?.id
                ? "border-brand-700 bg-brand-50 font-semibold"
                : "border-slate-300 bg-white"
            }`}
          >
            {day(x.effectiveFrom, locale)}
            {x.status === "draft" ? <Badge tone="warning">{t("status.draft")}</Badge> : null}
            {x.id === tariff.inForceId ? <Badge tone="success">{t("inForce")}</Badge> : null}
          </Link>
        ))}
      </nav>

      {version ? (
        <>
          <Card className="flex flex-col gap-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-bold">
                {tv("title", { code: tariff.code, date: day(version.effectiveFrom, locale) })}
              </h2>
              <Badge tone={version.status === "draft" ? "warning" : "neutral"}>
                {t(`status.${version.status}`)}
              </Badge>
            </div>
            <p className="text-sm text-slate-600">
              {version.status === "published" && version.publishedAt
                ? t("publishedOn", {
                    date: formatDateTime(version.publishedAt, locale, utility.timeZone),
                    name: version.publishedByName ?? "—",
                  })
                : t("createdOn", {
                    date: formatDateTime(version.createdAt, locale, utility.timeZone),
                  })}
              {version.note ? ` · ${version.note}` : ""}
            </p>
            <TariffDefinitionView definition={version.definition} locale={locale} />
          </Card>

          <Card className="flex flex-col gap-3">
            <h2 className="text-lg font-bold">{tv("preview")}</h2>
            {preview ? (
              <>
                <p className="text-sm text-slate-600">
                  {preview.inForce
                    ? tv("previewLead", {
                        date: day(version.effectiveFrom, locale),
                        previous: day(preview.inForce.effectiveFrom, locale),
                      })
                    : tv("previewNoPrevious", { date: day(version.effectiveFrom, locale) })}
                </p>
                <TableScroll>
                  <table className="w-full min-w-[30rem] text-sm" data-testid="tariff-preview">
                    <thead>
                      <tr className="border-b border-slate-200">
                        <th className={th}>{tv("consumption")}</th>
                        <th className={th}>{tv("oldTotal")}</th>
                        <th className={th}>{tv("newTotal")}</th>
                        <th className={th}>{tv("difference")}</th>
                        <th className={th}>{tv("tranche")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.rows.map((r) => (
                        <tr key={r.consumption} className="border-b border-slate-100 last:border-0">
                          <td className={td}>
                            <bdi className="ltr-nums">{r.consumption}</bdi>{" "}
                            {tu(version.definition.unit)}
                          </td>
                          <td className={td}>
                            {r.oldTotalMinor === null ? (
                              "—"
                            ) : (
                              <Money minor={r.oldTotalMinor} currency={tariff.currency} />
                            )}
                          </td>
                          <td className={td}>
                            <Money minor={r.newTotalMinor} currency={tariff.currency} />
                          </td>
                          <td
                            className={`${td} font-semibold ${
                              (r.differenceMinor ?? 0) > 0
                                ? "text-red-800"
                                : (r.differenceMinor ?? 0) < 0
                                  ? "text-emerald-800"
                                  : ""
                            }`}
                          >
                            {r.differenceMinor === null ? (
                              "—"
                            ) : (
                              <Money minor={r.differenceMinor} currency={tariff.currency} signed />
                            )}
                          </td>
                          <td className={td}>{r.newTrancheReached}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            ) : (
              <p className="text-sm text-red-800">{tv("previewFailed")}</p>
            )}
          </Card>

          {version.status === "draft" ? (
            <Card className="flex flex-col gap-3">
              <p className="text-sm text-slate-700">
                {tv("publishHint", { date: day(version.effectiveFrom, locale) })}
              </p>
              <BillingIntl locale={locale}>
                <div className="flex flex-wrap items-start gap-3">
                  <BillingForm
                    action={publishTariffVersionAction}
                    submitLabel={tv("publish")}
                    successText={tv("published")}
                    className="flex flex-col gap-2"
                    testId="publish-version"
                  >
                    <input type="hidden" name="versionId" value={version.id} />
                  </BillingForm>
                  <BillingForm
                    action={deleteTariffDraftAction}
                    submitLabel={tv("deleteDraft")}
                    variant="secondary"
                    className="flex flex-col gap-2"
                  >
                    <input type="hidden" name="versionId" value={version.id} />
                  </BillingForm>
                </div>
              </BillingIntl>
            </Card>
          ) : (
            <p className="text-sm text-slate-600">{tv("frozen")}</p>
          )}
        </>
      ) : (
        <p className="text-sm text-slate-600">{t("noVersions")}</p>
      )}
    </div>
  );
}
