import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { formatDate } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { listZoneWindows } from "@/lib/metering/admin-windows";
import { localDate } from "@/lib/metering/reading-window";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { addDateAction, removeDateAction, saveWindowAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("readingWindows"))("title") };
}

const input = "min-h-10 w-20 rounded-lg border border-slate-300 bg-white px-2";

/** Per zone: the reading window around each scheduled date, and the dates themselves. */
export default async function ReadingWindowsPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("readingWindows"));
  const utility = await getCurrentUtility();
  const [t, zones] = await Promise.all([
    getTranslations("readingWindows"),
    listZoneWindows(getDb(), localDate(new Date(), utility.timeZone)),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {zones.map((z) => (
        <Card key={z.zone} className="flex flex-col gap-3">
          <h2 className="ltr-nums text-lg font-bold">{z.zone}</h2>
          <ActionForm
            action={saveWindowAction}
            submitLabel={t("save")}
            successText={t("saved")}
            variant="secondary"
            className="flex flex-wrap items-end gap-3"
          >
            <input type="hidden" name="zone" value={z.zone} />
            <label className="flex flex-col gap-1 text-sm font-semibold">
              {t("daysBefore")}
              <input
                name="daysBefore"
                type="number"
                min={0}
                max={15}
                defaultValue={z.daysBefore}
                className={input}
              />
            </label>
            <label className="flex flex-col gap-1 text-sm font-semibold">
              {t("daysAfter")}
              <input
                name="daysAfter"
                type="number"
                min={0}
                max={15}
                defaultValue={z.daysAfter}
                className={input}
              />
            </label>
          </ActionForm>
          <div>
            <h3 className="text-sm font-semibold">
              {t("schedule")} · {t("upcoming")}
            </h3>
            {z.upcoming.length ? (
              <ul className="mt-2 flex flex-wrap gap-2">
                {z.upcoming.map((d) => (
                  <li
                    key={d}
                    className="flex items-center gap-1 rounded-full bg-slate-100 ps-3 text-sm"
                  >
                    {formatDate(`${d}T12:00:00Z`, locale, "UTC")}
                    <ActionForm
                      action={removeDateAction}
                      submitLabel={t("remove")}
                      variant="secondary"
                      className="flex"
                    >
                      <input type="hidden" name="zone" value={z.zone} />
                      <input type="hidden" name="date" value={d} />
                    </ActionForm>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("none")}</p>
            )}
          </div>
          <ActionForm
            action={addDateAction}
            submitLabel={t("add")}
            variant="secondary"
            className="flex flex-wrap items-end gap-2"
          >
            <input type="hidden" name="zone" value={z.zone} />
            <label className="flex flex-col gap-1 text-sm font-semibold">
              {t("addDate")}
              <input
                name="date"
                type="date"
                required
                className="min-h-10 rounded-lg border border-slate-300 bg-white px-2"
              />
            </label>
          </ActionForm>
        </Card>
      ))}
    </div>
  );
}
