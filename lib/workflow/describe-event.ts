import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import type { CustomerTimelineEvent } from "./queries";

/**
 * The text of a customer-visible event in the reader's language: a person's words as written,
 * or the system message for its key (with the outcome or date it carries).
 */
export function describeEvent(
  e: Pick<CustomerTimelineEvent, "body" | "messageKey" | "data" | "type">,
  locale: Locale,
  timeZone = "Africa/Casablanca",
): string {
  const t = translator(locale);
  const data = (e.data ?? {}) as Record<string, unknown>;
  let system = "";
  if (e.messageKey === "resolved" && typeof data.outcome === "string") {
    system = t("items.events.resolved", { outcome: t(`items.outcome.${data.outcome}` as never) });
  } else if (e.messageKey === "delayed" && typeof data.newDueAt === "string") {
    system = t("items.events.delayed", { due: formatDateTime(data.newDueAt, locale, timeZone) });
  } else if (e.messageKey === "merged" && typeof data.number === "string") {
    system = t("items.events.merged", { number: data.number });
  } else if (e.messageKey) {
    system = t.has(`items.events.${e.messageKey}` as never)
      ? t(`items.events.${e.messageKey}` as never)
      : "";
  }
  return [system, e.body].filter(Boolean).join(" — ");
}
