import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge, inputClass } from "@/components/backoffice/admin-ui";
import { AutoRefresh } from "@/components/backoffice/billing/auto-refresh";
import { BillingForm } from "@/components/backoffice/billing/billing-form";
import { BillingIntl } from "@/components/backoffice/billing/billing-intl";
import { TableScroll, td, th } from "@/components/backoffice/billing/format";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isBillingStaff } from "@/lib/billing/admin-access";
import { listRunsAdmin, listZones } from "@/lib/billing/admin-queries";
import { localDate } from "@/lib/billing/dates";
import { formatDateTime, formatInteger, intlTag } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { resumeBillingRunAction, startBillingRunAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billingAdmin.runs"))("title") };
}

const TONE = { queued: "neutral", running: "brand", done: "success", failed: "danger" } as const;

/** Start a run for a month (and zone), and follow the latest runs' progress. */
export default async function BillingRunsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale, rolesFor("billingRuns"));
  const db = getDb();
  if (!(await isBillingStaff(db, user))) notFound();
  const utility = await getCurrentUtility();
  const [t, runs, zones] = await Promise.all([
    getTranslations("billingAdmin.runs"),
    listRunsAdmin(db),
    listZones(db),
  ]);
  const active = runs.some((r) => r.status === "queued" || r.status === "running");
  const month = localDate(new Date(), utility.timeZone).slice(0, 7);
  const monthName = (cycle: string) =>
    new Intl.DateTimeFormat(intlTag(locale), {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${cycle}T12:00:00Z`));
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, utility.timeZone) : "—");

  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <AutoRefresh active={active} />
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("start")}</h2>
        <BillingIntl locale={locale}>
          <BillingForm
            action={startBillingRunAction}
            submitLabel={t("submit")}
            successText={t("started")}
            className="flex flex-wrap items-end gap-3"
            testId="start-run"
          >
            <label className="flex flex-col gap-1 text-sm font-semibold">
              {t("cycle")}
              <input
                name="cycle"
                type="month"
                required
                defaultValue={month}
                className={`${inputClass} ltr-nums w-auto`}
              />
            </label>
            <label className="flex flex-col gap-1 text-sm font-semibold">
              {t("zone")}
              <select name="zone" defaultValue="" className={`${inputClass} w-auto`}>
                <option value="">{t("allZones")}</option>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            </label>
          </BillingForm>
        </BillingIntl>
      </Card>

      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("history")}</h2>
        {active ? <p className="text-sm text-slate-600">{t("refreshing")}</p> : null}
        {runs.length ? (
          <TableScroll>
            <table className="w-full min-w-[44rem] text-sm" data-testid="runs">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className={th}>{t("cycle")}</th>
                  <th className={th}>{t("zone")}</th>
                  <th className={th}>{t("contractsColumn")}</th>
                  <th className={th}>{t("created")}</th>
                  <th className={th}>{t("estimated")}</th>
                  <th className={th}>{t("skipped")}</th>
                  <th className={th}>{t("startedAt")}</th>
                  <th className={th}>{t("finishedAt")}</th>
                  <th className={th}>{t("startedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => {
                  const share = run.contractsTotal
                    ? Math.round((run.contractsDone / run.contractsTotal) * 100)
                    : 0;
                  return (
                    <tr key={run.id} className="border-b border-slate-100 last:border-0">
                      <td className={td}>
                        <div className="font-semibold">{monthName(run.cycle)}</div>
                        <Badge tone={TONE[run.status]}>{t(`status.${run.status}`)}</Badge>
                      </td>
                      <td className={td}>{run.zone ?? t("allZones")}</td>
                      <td className={`${td} min-w-40`}>
                        <div
                          className="h-2 w-full overflow-hidden rounded bg-slate-200"
                          role="progressbar"
                          aria-valuemin={0}
                          aria-valuemax={run.contractsTotal}
                          aria-valuenow={run.contractsDone}
                        >
                          <div className="h-2 bg-brand-600" style={{ width: `${share}%` }} />
                        </div>
                        <div className="mt-1 text-xs text-slate-700">
                          {t("progress", {
                            done: formatInteger(run.contractsDone, locale),
                            total: formatInteger(run.contractsTotal, locale),
                          })}
                        </div>
                        {run.error ? (
                          <div className="mt-1 text-xs break-words text-red-800">{run.error}</div>
                        ) : null}
                        {run.status === "queued" || run.status === "failed" ? (
                          <BillingIntl locale={locale}>
                            <BillingForm
                              action={resumeBillingRunAction}
                              submitLabel={t("resume")}
                              successText={t("resumed")}
                              variant="secondary"
                              className="mt-2 flex flex-col gap-1"
                            >
                              <input type="hidden" name="runId" value={run.id} />
                            </BillingForm>
                          </BillingIntl>
                        ) : null}
                      </td>
                      <td className={td}>{formatInteger(run.billsCreated, locale)}</td>
                      <td className={td}>{formatInteger(run.billsEstimated, locale)}</td>
                      <td className={td}>{formatInteger(run.skipped, locale)}</td>
                      <td className={td}>{when(run.startedAt ?? run.createdAt)}</td>
                      <td className={td}>{when(run.finishedAt)}</td>
                      <td className={td}>{run.startedByName ?? t("system")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        )}
      </Card>
    </div>
  );
}
