import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { describeEvent } from "@/lib/workflow/describe-event";
import type { getStaffItem } from "@/lib/workflow/queries";

type StaffItemEvents = NonNullable<Awaited<ReturnType<typeof getStaffItem>>>["events"];

const SYSTEM_ACTORS = [
  "system",
  "escalation",
  "leaseSweep",
  "lowRating",
  "ratingLink",
  "mailbox",
  "guest",
  "payment",
  "billingRun",
  "stripe",
] as const;

/** Everything that happened to the item, oldest first; internal events stand out in amber. */
export function ItemTimeline({
  events,
  locale,
  timeZone: tz,
}: {
  events: StaffItemEvents;
  locale: Locale;
  timeZone: string;
}) {
  const t = useTranslations("backoffice.item");
  const ti = useTranslations("items");
  // The engine records its jobs by technical label ("lease-sweep"); staff read them in their
  // language. A label this list does not know yet still shows, as it is.
  const systemActor = (label: string | null) => {
    if (!label) return "—";
    if (label.startsWith("partner:")) return t("actor.partner", { key: label.slice(8) });
    const key = label.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    return (SYSTEM_ACTORS as readonly string[]).includes(key)
      ? t(`actor.${key as (typeof SYSTEM_ACTORS)[number]}`)
      : label;
  };
  return (
    <Card>
      <h2 className="mb-3 text-lg font-bold">{t("timeline")}</h2>
      <ol className="flex flex-col gap-3" data-testid="staff-timeline">
        {events.map(({ event, actorName }) => (
          <li
            key={event.id}
            className={`rounded-lg border p-3 ${event.visibility === "internal" ? "border-amber-200 bg-amber-50" : "border-slate-200"}`}
          >
            <p className="text-xs text-slate-600">
              {formatDateTime(event.at, locale, tz)} ·{" "}
              <bdi>{actorName ?? systemActor(event.actorLabel)}</bdi> ·{" "}
              <span className="font-semibold">{ti(`eventType.${event.type}`)}</span> ·{" "}
              <strong>{event.visibility === "internal" ? t("internal") : t("visible")}</strong>
            </p>
            <p className="whitespace-pre-line" dir="auto">
              {describeEvent(event, locale, tz)}
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
