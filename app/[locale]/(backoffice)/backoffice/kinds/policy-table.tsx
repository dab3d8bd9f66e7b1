import { useTranslations } from "next-intl";
import { formatInteger } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { PRIORITY_ORDER, type PolicySet } from "@/lib/workflow/admin-schemas";
import { splitBusinessMinutes } from "@/lib/workflow/business-duration";

type KindsTranslator = (key: "days" | "hours" | "minutes", values: { count: number }) => string;

/**
 * "2 business days 4 h" for minutes as stored, with days of `workday` minutes; hours only when
 * `workday` is 0.
 */
export function businessDuration(t: KindsTranslator, workday: number) {
  return (minutes: number, workdayLength = workday) => {
    const d = splitBusinessMinutes(minutes, workdayLength);
    const parts = [
      d.days ? t("days", { count: d.days }) : null,
      d.hours ? t("hours", { count: d.hours }) : null,
      d.minutes ? t("minutes", { count: d.minutes }) : null,
    ].filter(Boolean);
    return parts.length ? parts.join(" ") : t("minutes", { count: 0 });
  };
}

/**
 * A kind's deadlines per priority in minutes and in business time; priorities without a
 * policy of their own show the default one, greyed.
 */
export function PolicyTable({
  own,
  defaults,
  workday,
  locale,
  testId,
}: {
  own: PolicySet;
  defaults: PolicySet;
  workday: number;
  locale: Locale;
  testId?: string;
}) {
  const t = useTranslations("admin.kinds");
  const ti = useTranslations("items.priority");
  const duration = businessDuration(t, workday);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pe-3 text-start font-semibold">
              {t("priority")}
            </th>
            <th scope="col" className="py-1 pe-3 text-start font-semibold">
              {t("firstResponse")}
            </th>
            <th scope="col" className="py-1 text-start font-semibold">
              {t("resolution")}
            </th>
          </tr>
        </thead>
        <tbody>
          {PRIORITY_ORDER.map((p) => {
            const policy = own[p] ?? defaults[p];
            const inherited = !own[p];
            const cell = (minutes: number | undefined) =>
              minutes === undefined ? (
                "—"
              ) : (
                <>
                  <span className="font-semibold">{formatInteger(minutes, locale)}</span>
                  <span className="block text-xs text-slate-600">{duration(minutes)}</span>
                </>
              );
            return (
              <tr
                key={p}
                className={`border-t border-slate-100 align-top ${inherited ? "text-slate-500" : ""}`}
              >
                <th scope="row" className="py-1.5 pe-3 text-start font-semibold">
                  {ti(p)}
                  {inherited ? (
                    <span className="block text-xs font-normal">{t("inherited")}</span>
                  ) : null}
                </th>
                <td className="py-1.5 pe-3">{cell(policy?.firstResponseMinutes)}</td>
                <td className="py-1.5">{cell(policy?.resolutionMinutes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
