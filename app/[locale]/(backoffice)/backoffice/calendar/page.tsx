import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/backoffice/admin-form";
import { AdminIntl } from "@/components/backoffice/admin-intl";
import { Badge, inputClass, Labelled } from "@/components/backoffice/admin-ui";
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
import {
  calendarYearSchema,
  WEEKDAYS,
  WORKING_DAY_PRESETS,
} from "@/lib/workflow/admin-schemas";
import { localDateOf } from "@/lib/workflow/wall-clock";
import {
  addHolidayAction,
  addOverrideAction,
  removeHolidayAction,
  removeOverrideAction,
  saveCalendarAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.calendar"))("title") };
}

/** "Friday 20 March" for a calendar date (no time zone: a date is the same everywhere). */
function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));
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
      {arrow === "back" ? <span className="rtl:rotate-180">←</span> : null}
      <span className="ltr-nums">{y}</span>
      {arrow === "forward" ? <span className="rtl:rotate-180">→</span> : null}
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
                  days: preview.days,
                  hours: preview.ok ? formatNumber(preview.minutes / 60, locale) : "",
                  due,
                })
              : t("previewNever")}
          </span>{" "}
          <span className="ltr-nums text-xs">({preview.timeZone})</span>
        </Alert>

        <div className="grid items-start gap-6 xl:grid-cols-2">
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
              <h2 className="text-lg font-bold">
                {t("yearTitle", { year: String(year) })}
              </h2>
              {yearLink(year + 1, t("nextYear"), "forward")}
            </nav>

            <Card className="@container flex flex-col gap-4">
              <div>
                <h3 className="text-lg font-bold">{t("holidaysTitle", { year: String(year) })}</h3>
                <p className="text-sm text-slate-600">{t("holidaysLead")}</p>
              </div>
              {holidays.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noHolidays")}</p>
              ) : (
                <ul className="flex flex-col divide-y divide-slate-100" data-testid="holidays">
                  {holidays.map((h) => (
                    <li
                      key={h.day}
                      data-day={h.day}
                      className="flex flex-wrap items-center justify-between gap-2 py-2"
                    >
                      <span className="min-w-0">
                        <span className="block font-semibold">{formatDay(h.day, locale)}</span>
                        <span className="block text-sm text-slate-700" dir="auto">
                          {h.name}
                        </span>
                      </span>
                      <AdminForm
                        action={removeHolidayAction}
                        submitLabel={t("remove")}
                        submitAriaLabel={t("removeDay", { day: formatDay(h.day, locale) })}
                        variant="secondary"
                        compact
                        className="flex flex-col items-end gap-2"
                      >
                        <input type="hidden" name="day" value={h.day} />
                      </AdminForm>
                    </li>
                  ))}
                </ul>
              )}
              <AdminForm
                action={addHolidayAction}
                submitLabel={t("addHoliday")}
                successText={t("holidayAdded")}
                labels={labels}
                resetOnSuccess
                className="flex flex-col gap-3 border-t border-slate-100 pt-3"
                testId="add-holiday"
              >
                <div className="grid gap-3 @md:grid-cols-[12rem_minmax(0,1fr)]">
                  <Field
                    id="holiday-day"
                    name="day"
                    type="date"
                    label={t("date")}
                    required
                    dir="ltr"
                    min={`${year}-01-01`}
                    max={`${year}-12-31`}
                  />
                  <Field
                    id="holiday-name"
                    name="name"
                    label={t("holidayName")}
                    required
                    maxLength={120}
                    dir="auto"
                  />
                </div>
              </AdminForm>
            </Card>

            <Card className="@container flex flex-col gap-4">
              <div>
                <h3 className="text-lg font-bold">{t("overridesTitle", { year: String(year) })}</h3>
                <p className="text-sm text-slate-600">{t("overridesLead")}</p>
              </div>
              {overrides.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noOverrides")}</p>
              ) : (
                <ul className="flex flex-col divide-y divide-slate-100" data-testid="overrides">
                  {overrides.map((o) => (
                    <li
                      key={o.day}
                      data-day={o.day}
                      className="flex flex-wrap items-center justify-between gap-2 py-2"
                    >
                      <span className="flex min-w-0 flex-wrap items-center gap-2">
                        <span className="font-semibold">{formatDay(o.day, locale)}</span>
                        {o.opensAt && o.closesAt ? (
                          <span className="ltr-nums text-sm">
                            {o.opensAt}–{o.closesAt}
                          </span>
                        ) : (
                          <Badge tone="warning">{t("closedDay")}</Badge>
                        )}
                        {o.note ? (
                          <span className="text-sm text-slate-600" dir="auto">
                            {o.note}
                          </span>
                        ) : null}
                      </span>
                      <AdminForm
                        action={removeOverrideAction}
                        submitLabel={t("remove")}
                        submitAriaLabel={t("removeDay", { day: formatDay(o.day, locale) })}
                        variant="secondary"
                        compact
                        className="flex flex-col items-end gap-2"
                      >
                        <input type="hidden" name="day" value={o.day} />
                      </AdminForm>
                    </li>
                  ))}
                </ul>
              )}
              <AdminForm
                action={addOverrideAction}
                submitLabel={t("addOverride")}
                successText={t("overrideAdded")}
                labels={labels}
                resetOnSuccess
                className="flex flex-col gap-3 border-t border-slate-100 pt-3"
                testId="add-override"
              >
                <div className="grid grid-cols-2 gap-3 @md:grid-cols-4">
                  <div className="col-span-2">
                    <Field
                      id="override-day"
                      name="day"
                      type="date"
                      label={t("date")}
                      required
                      dir="ltr"
                      min={`${year}-01-01`}
                      max={`${year}-12-31`}
                    />
                  </div>
                  <Field id="override-opensAt" name="opensAt" type="time" label={t("opensAt")} dir="ltr" />
                  <Field
                    id="override-closesAt"
                    name="closesAt"
                    type="time"
                    label={t("closesAt")}
                    dir="ltr"
                  />
                </div>
                <label className="flex min-h-11 items-center gap-2 text-sm font-semibold">
                  <input type="checkbox" name="closed" className="size-4" />
                  {t("closedAllDay")}
                </label>
                <Field id="override-note" name="note" label={t("note")} maxLength={200} dir="auto" />
              </AdminForm>
            </Card>
          </div>
        </div>
      </div>
    </AdminIntl>
  );
}
