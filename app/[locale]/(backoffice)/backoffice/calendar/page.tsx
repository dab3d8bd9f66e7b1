import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/backoffice/admin-form";
import { AdminIntl } from "@/components/backoffice/admin-intl";
import { inputClass, Labelled } from "@/components/backoffice/admin-ui";
import { WorkingDaysField } from "@/components/backoffice/working-days-field";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { intlTag } from "@/lib/i18n/format";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import {
  getCalendarSettings,
  listHolidays,
  listOverrides,
  previewDeadline,
} from "@/lib/workflow/admin-calendar";
import { calendarYearSchema, WEEKDAYS, WORKING_DAY_PRESETS } from "@/lib/workflow/admin-schemas";
import { localDateOf } from "@/lib/workflow/wall-clock";
import { saveCalendarAction } from "./actions";
import { HolidaysCard, OverridesCard } from "./special-days";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.calendar"))("title") };
}

/** A chevron towards the start or the end of the line, mirrored in right-to-left pages. */
function Chevron({ direction }: { direction: "back" | "forward" }) {
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden="true"
      className={`size-4 rtl:rotate-180 ${direction === "back" ? "" : "-scale-x-100"}`}
    >
      <path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 2 }).format(n);
}

function weekdayName(isoDay: number, locale: Locale): string {
  // 1 January 2024 was a Monday (ISO weekday 1).
  return new Intl.DateTimeFormat(intlTag(locale), { weekday: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, 0, isoDay)),
  );
}

/** The business calendar: zone, week and hours, holidays and special hours per year. */
export default async function CalendarPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("calendar"));
  const db = getDb();
  const now = new Date();
  const settings = await getCalendarSettings(db);
  const requested = calendarYearSchema.safeParse((await searchParams).year);
  const year = requested.success
    ? requested.data
    : Number(localDateOf(now, settings.timeZone).slice(0, 4));
  const [t, holidays, overrides, preview] = await Promise.all([
    getTranslations("admin.calendar"),
    listHolidays(db, { year }),
    listOverrides(db, { year }),
    previewDeadline(db, now),
  ]);
  const timeZones = Intl.supportedValuesOf("timeZone");
  const due = preview.ok
    ? new Intl.DateTimeFormat(intlTag(locale), {
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: preview.timeZone,
      }).format(preview.dueAt)
    : null;
  const labels = {
    timeZone: t("timeZone"),
    workingDays: t("workingDays"),
    opensAt: t("opensAt"),
    closesAt: t("closesAt"),
    day: t("date"),
    name: t("holidayName"),
    note: t("note"),
  };
  const yearLink = (y: number, label: string, arrow: "back" | "forward") => (
    <Link
      href={`/backoffice/calendar?year=${y}`}
      className="inline-flex min-h-10 items-center gap-1 rounded-lg border border-slate-300 bg-white px-3 text-sm font-semibold hover:bg-slate-50"
      title={label}
    >
      {arrow === "back" ? <Chevron direction="back" /> : null}
      <span className="ltr-nums">{y}</span>
      {arrow === "forward" ? <Chevron direction="forward" /> : null}
    </Link>
  );

  return (
    <AdminIntl locale={locale}>
      <div className="flex flex-col gap-6">
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <Alert tone="info">
          <span data-testid="calendar-preview">
            {due
              ? t("preview", {
                  count: preview.days,
                  hours: preview.ok ? formatNumber(preview.minutes / 60, locale) : "",
                  due,
                })
              : t("previewNever")}
          </span>{" "}
          <span className="ltr-nums text-xs">({preview.timeZone})</span>
        </Alert>

        <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-2">
          <Card className="@container flex flex-col gap-4">
            <h2 className="text-lg font-bold">{t("settingsTitle")}</h2>
            <AdminForm
              action={saveCalendarAction}
              submitLabel={t("saveSubmit")}
              successText={t("saved")}
              labels={labels}
              testId="calendar-settings"
            >
              <Labelled htmlFor="cal-timeZone" label={t("timeZone")} hint={t("timeZoneHint")}>
                <input
                  id="cal-timeZone"
                  name="timeZone"
                  list="time-zones"
                  required
                  dir="ltr"
                  defaultValue={settings.timeZone}
                  autoComplete="off"
                  className={inputClass}
                />
              </Labelled>
              <datalist id="time-zones">
                {timeZones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
              <WorkingDaysField
                legend={t("workingDays")}
                presetsLabel={t("presets")}
                weekdays={WEEKDAYS.map((day) => ({ day, name: weekdayName(day, locale) }))}
                initial={settings.workingDays}
                presets={[
                  { label: t("presetMorocco"), days: WORKING_DAY_PRESETS.morocco },
                  { label: t("presetGulf"), days: WORKING_DAY_PRESETS.gulf },
                ]}
              />
              <div className="grid grid-cols-2 gap-4">
                <Field
                  id="cal-opensAt"
                  name="opensAt"
                  type="time"
                  label={t("opensAt")}
                  required
                  dir="ltr"
                  defaultValue={settings.opensAt}
                />
                <Field
                  id="cal-closesAt"
                  name="closesAt"
                  type="time"
                  label={t("closesAt")}
                  required
                  dir="ltr"
                  defaultValue={settings.closesAt === "24:00" ? "23:59" : settings.closesAt}
                />
              </div>
            </AdminForm>
          </Card>

          <div className="flex min-w-0 flex-col gap-6">
            <nav
              aria-label={t("yearNav")}
              className="flex flex-wrap items-center justify-between gap-2"
            >
              {yearLink(year - 1, t("previousYear"), "back")}
              <h2 className="text-lg font-bold">{t("yearTitle", { year: String(year) })}</h2>
              {yearLink(year + 1, t("nextYear"), "forward")}
            </nav>

            <HolidaysCard year={year} holidays={holidays} labels={labels} locale={locale} />
            <OverridesCard year={year} overrides={overrides} labels={labels} locale={locale} />
          </div>
        </div>
      </div>
    </AdminIntl>
  );
}
