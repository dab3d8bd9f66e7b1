import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/backoffice/billing/format";
import { SimpleTable } from "@/components/reports/dashboard-parts";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { localDate } from "@/lib/billing/dates";
import { intlTag } from "@/lib/i18n/format";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { formatCount, formatRate, formatScore } from "@/lib/reports/present";
import { isTransparencyPublic } from "@/lib/reports/settings";
import { publicMonthlyFigures } from "@/lib/reports/transparency";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { utilityName } from "@/lib/utility/get-utility";

// A public page reading a year of figures: computed at most every ten minutes, not per visit
// (1.5–2 s on a million requests). Closed months do not change; the current one is not shown.
const cachedMonthlyFigures = unstable_cache(
  (timeZone: string, month: string) =>
    publicMonthlyFigures(getDb(), timeZone, new Date(`${month}-15T12:00:00Z`)),
  ["reports-public-monthly"],
  { revalidate: 600 },
);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.transparency"))("title") };
}

/**
 * The utility's published figures, month by month: counts and shares only, nothing about a
 * person. Until an admin switches publication on, the page does not exist.
 */
export default async function TransparencyPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale: raw } = await params;
  const locale: Locale = isLocale(raw) ? raw : "ar";
  const db = getDb();
  if (!(await isTransparencyPublic(db))) notFound();
  const [t, utility] = await Promise.all([
    getTranslations("reports.transparency"),
    getCurrentUtility(),
  ]);
  const months = await cachedMonthlyFigures(
    utility.timeZone,
    localDate(new Date(), utility.timeZone).slice(0, 7),
  );
  const monthLabel = (m: string) =>
    new Intl.DateTimeFormat(intlTag(locale), {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${m}-15T12:00:00Z`));
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-4">
      <PageTitle lead={t("lead")}>
        {t("title")} — {utilityName(utility, locale)}
      </PageTitle>
      <Card>
        <TableScroll>
          <div className="min-w-[36rem]">
            <SimpleTable
              testId="transparency"
              headers={[
                t("month"),
                t("received"),
                t("completionRate"),
                t("satisfiedShare"),
                t("quality"),
                t("ratings"),
              ]}
              rows={months.map((m) => [
                monthLabel(m.month),
                formatCount(m.received, locale),
                formatRate(m.completionRate, locale),
                formatRate(m.satisfiedShare, locale),
                formatScore(m.quality, locale),
                formatCount(m.ratings, locale),
              ])}
            />
          </div>
        </TableScroll>
      </Card>
    </div>
  );
}
