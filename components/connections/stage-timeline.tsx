import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** The stages a request went through, oldest first, each with its date and any reason given. */
export async function StageTimeline({
  history,
  locale,
  timeZone,
}: {
  history: { id: string; toStage: string; at: Date; reason: string | null }[];
  locale: Locale;
  timeZone: string;
}) {
  const t = await getTranslations("connections");
  return (
    <ol
      className="flex flex-col gap-0 border-s-2 border-brand-200 ps-4"
      data-testid="stage-timeline"
    >
      {history.map((h, i) => (
        <li key={h.id} className="relative pb-4">
          <span
            aria-hidden
            className={`absolute -start-[1.45rem] top-1 size-3 rounded-full ${i === history.length - 1 ? "bg-brand-700" : "bg-brand-300"}`}
          />
          <p className="font-semibold">{t(`stages.${h.toStage}` as never)}</p>
          <p className="text-sm text-slate-600">
            <bdi>{formatDateTime(h.at, locale, timeZone)}</bdi>
          </p>
          {h.reason ? <p className="text-sm whitespace-pre-line">{h.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
