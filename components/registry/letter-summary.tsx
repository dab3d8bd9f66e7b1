import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { RegistryAttachment, RegistryEntry } from "@/db/schema";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * What the sender of a letter sees beside its timeline: when it was registered, how many
 * documents came with it, the acknowledgement, and the reply letter once registered. The
 * download links carry the number and code (guests) or rely on the owner's session.
 */
export async function LetterSummary({
  letter,
  locale,
  timeZone,
  access,
}: {
  letter: { entry: RegistryEntry; attachments: RegistryAttachment[]; reply: RegistryEntry | null };
  locale: Locale;
  timeZone: string;
  access: { code?: string };
}) {
  const t = await getTranslations("registry.track");
  const q = `number=${encodeURIComponent(letter.entry.registryNo)}${access.code ? `&code=${encodeURIComponent(access.code)}` : ""}`;
  return (
    <div className="flex flex-col gap-3 rounded-lg bg-slate-50 p-3 text-sm">
      <p>
        {t("registeredAt", { date: formatDateTime(letter.entry.registeredAt, locale, timeZone) })} ·{" "}
        {t("attachments", { count: letter.attachments.length })}
      </p>
      <div className="flex flex-wrap gap-2">
        <a
          href={`/api/registry/acknowledgement?${q}&lang=${locale}`}
          className={buttonClass("secondary")}
        >
          {t("downloadAck")}
        </a>
        {letter.reply ? (
          <a href={`/api/registry/reply?${q}`} className={buttonClass("primary")}>
            {t("downloadReply")}
          </a>
        ) : null}
      </div>
      {letter.reply ? (
        <p className="font-semibold">
          {t("reply", {
            number: letter.reply.registryNo,
            date: formatDate(letter.reply.registeredAt, locale, timeZone),
          })}
        </p>
      ) : null}
    </div>
  );
}
