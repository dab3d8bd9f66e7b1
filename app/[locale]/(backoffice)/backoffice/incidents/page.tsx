import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { departments } from "@/db/schema";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { listIncidents } from "@/lib/workflow/incidents";
import {
  attachAction,
  incidentReplyAction,
  incidentResolveAction,
  openIncidentAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("title") };
}

const field = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";
const label = "text-sm font-semibold";

/** Mass incidents: one outage, many complaints, one answer that reaches every customer. */
export default async function IncidentsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const staff = await requireStaffPage(locale, rolesFor("incidents"));
  const db = getDb();
  const [t, tc, rows, depts, utility] = await Promise.all([
    getTranslations("incidents"),
    getTranslations("contracts"),
    listIncidents(db, staff),
    db.select().from(departments),
    getCurrentUtility(),
  ]);
  const deptName = (d: (typeof depts)[number]) =>
    locale === "ar" ? d.nameAr : locale === "fr" ? d.nameFr : d.nameEn;
  const deptNameByCode = (code: string) => {
    const d = depts.find((x) => x.code === code);
    return d ? deptName(d) : code;
  };
  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("open")}</h2>
        <ActionForm
          action={openIncidentAction}
          submitLabel={t("openSubmit")}
          successText={t("opened")}
          className="grid gap-3 sm:grid-cols-2"
        >
          <div className="flex flex-col gap-1 sm:col-span-2">
            <label htmlFor="inc-title" className={label}>
              {t("incidentTitle")}
            </label>
            <input id="inc-title" name="title" required maxLength={200} className={field} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="inc-dept" className={label}>
              {t("department")}
            </label>
            <select
              id="inc-dept"
              name="departmentCode"
              defaultValue="technical_interventions"
              className={field}
            >
              {depts.map((d) => (
                <option key={d.id} value={d.code}>
                  {deptName(d)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="inc-service" className={label}>
              {t("service")}
            </label>
            <select id="inc-service" name="service" className={field}>
              <option value="">—</option>
              {(["electricity", "water", "sanitation"] as const).map((s) => (
                <option key={s} value={s}>
                  {tc(`service.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="inc-zone" className={label}>
              {t("zone")}
            </label>
            <input id="inc-zone" name="zone" maxLength={40} dir="ltr" className={field} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="inc-keywords" className={label}>
              {t("keywords")}
            </label>
            <input
              id="inc-keywords"
              name="keywords"
              maxLength={4000}
              placeholder="انقطاع, coupure, outage"
              className={field}
            />
          </div>
        </ActionForm>
      </Card>
      {rows.length === 0 ? <p className="text-slate-600">{t("none")}</p> : null}
      {rows.map(({ incident, departmentCode, openItems, totalItems }) => (
        <Card key={incident.id} className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-bold" dir="auto">
              {incident.title}
            </h2>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-semibold ${incident.status === "open" ? "bg-red-100 text-red-900" : "bg-emerald-100 text-emerald-900"}`}
            >
              {t(`status.${incident.status}`)}
            </span>
          </div>
          {/* The department by its name, not its code; zone and each keyword isolated, or a
              Latin keyword before the date pulled the date into its run ("23 · …2026/11/"), and
              one run for all keywords put the first Arabic one last on a French page. */}
          <p className="text-sm text-slate-600">
            {deptNameByCode(departmentCode)} · <bdi>{incident.zone ?? "—"}</bdi> ·{" "}
            {incident.keywords.length
              ? incident.keywords.map((k, i) => (
                  <Fragment key={k}>
                    {i ? ", " : null}
                    <bdi>{k}</bdi>
                  </Fragment>
                ))
              : "—"}{" "}
            · {formatDateTime(incident.openedAt, locale, utility.timeZone)} ·{" "}
            {t("counts", { open: openItems, total: totalItems })}
          </p>
          <Link href={`/backoffice/queue`} className="text-sm text-brand-700 underline">
            {t("toQueue")}
          </Link>
          {incident.status === "open" ? (
            <div className="grid gap-4 md:grid-cols-3">
              <ActionForm
                action={attachAction}
                submitLabel={t("attachSubmit")}
                successText={t("done")}
              >
                <input type="hidden" name="incidentId" value={incident.id} />
                <label htmlFor={`attach-${incident.id}`} className={label}>
                  {t("attach")}
                </label>
                <textarea
                  id={`attach-${incident.id}`}
                  name="numbers"
                  rows={2}
                  dir="ltr"
                  placeholder="RT-2026-000012, RT-2026-000015"
                  className={field}
                />
              </ActionForm>
              <ActionForm
                action={incidentReplyAction}
                submitLabel={t("replySubmit")}
                successText={t("done")}
              >
                <input type="hidden" name="incidentId" value={incident.id} />
                <label htmlFor={`reply-${incident.id}`} className={label}>
                  {t("reply")}
                </label>
                <textarea
                  id={`reply-${incident.id}`}
                  name="body"
                  rows={2}
                  required
                  className={field}
                />
              </ActionForm>
              <ActionForm
                action={incidentResolveAction}
                submitLabel={t("resolveSubmit")}
                successText={t("done")}
                variant="secondary"
              >
                <input type="hidden" name="incidentId" value={incident.id} />
                <label htmlFor={`resolve-${incident.id}`} className={label}>
                  {t("resolve")}
                </label>
                <textarea
                  id={`resolve-${incident.id}`}
                  name="note"
                  rows={2}
                  required
                  className={field}
                />
              </ActionForm>
            </div>
          ) : null}
        </Card>
      ))}
    </div>
  );
}
