import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { describeEvent } from "@/lib/workflow/describe-event";
import type { CustomerTimelineEvent } from "@/lib/workflow/queries";

/** The customer-visible history of an item, oldest first, each entry in the reader's language. */
export async function Timeline({
  events,
  locale,
  timeZone,
}: {
  events: CustomerTimelineEvent[];
  locale: Locale;
  timeZone: string;
}) {
  const t = await getTranslations("requests");
  return (
    <ol
      className="relative flex flex-col gap-4 border-s-2 border-slate-200 ps-5"
      data-testid="timeline"
    >
      {events.map((e, i) => (
        <li key={i} className="relative">
          <span
            aria-hidden="true"
            className={`absolute -start-[1.72rem] top-1.5 size-3 rounded-full ${e.byCustomer ? "bg-brand-600" : "bg-slate-400"}`}
          />
          <p className="text-xs text-slate-500">
            {formatDateTime(e.at, locale, timeZone)} · {e.byCustomer ? t("you") : t("utility")}
          </p>
          <p className="whitespace-pre-line text-slate-900" dir="auto">
            {describeEvent(e, locale, timeZone)}
          </p>
        </li>
      ))}
    </ol>
  );
}
