import { useTranslations } from "next-intl";
import { AdminForm } from "@/components/backoffice/admin-form";
import { Badge } from "@/components/backoffice/admin-ui";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { intlTag } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import {
  addHolidayAction,
  addOverrideAction,
  removeHolidayAction,
  removeOverrideAction,
} from "./actions";

/** "Friday 20 March" for a calendar date (no time zone: a date is the same everywhere). */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A year's public holidays, each removable, and the form to add one. */
export function HolidaysCard({
  year,
  holidays,
  labels,
  locale,
}: {
  year: number;
  holidays: { day: string; name: string }[];
  labels: Record<string, string>;
  locale: Locale;
}) {
  const t = useTranslations("admin.calendar");
  return (
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
            <li key={h.day} data-day={h.day} className="flex items-center gap-3 py-2">
              <div className="min-w-0 flex-1">
                <p className="font-semibold">{formatDay(h.day, locale)}</p>
                <p className="text-sm break-words text-slate-700" dir="auto">
                  {h.name}
                </p>
              </div>
              <AdminForm
                action={removeHolidayAction}
                submitLabel={t("remove")}
                submitAriaLabel={t("removeDay", { day: formatDay(h.day, locale) })}
                variant="secondary"
                compact
                className="flex shrink-0 flex-col items-end gap-2"
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
        <div className="grid grid-cols-1 gap-3 @md:grid-cols-[12rem_minmax(0,1fr)]">
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
  );
}

/** A year's dates with special hours (or closed), each removable, and the form to add one. */
export function OverridesCard({
  year,
  overrides,
  labels,
  locale,
}: {
  year: number;
  overrides: {
    day: string;
    opensAt: string | null;
    closesAt: string | null;
    note: string | null;
  }[];
  labels: Record<string, string>;
  locale: Locale;
}) {
  const t = useTranslations("admin.calendar");
  return (
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
            <li key={o.day} data-day={o.day} className="flex items-center gap-3 py-2">
              <div className="min-w-0 flex-1">
                <p className="font-semibold">{formatDay(o.day, locale)}</p>
                <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700">
                  {o.opensAt && o.closesAt ? (
                    <span className="ltr-nums">
                      {o.opensAt}–{o.closesAt}
                    </span>
                  ) : (
                    <Badge tone="warning">{t("closedDay")}</Badge>
                  )}
                  {o.note ? (
                    <span className="break-words text-slate-600" dir="auto">
                      {o.note}
                    </span>
                  ) : null}
                </p>
              </div>
              <AdminForm
                action={removeOverrideAction}
                submitLabel={t("remove")}
                submitAriaLabel={t("removeDay", { day: formatDay(o.day, locale) })}
                variant="secondary"
                compact
                className="flex shrink-0 flex-col items-end gap-2"
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
  );
}
