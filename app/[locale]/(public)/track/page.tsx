import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/requests/status-badge";
import { Timeline } from "@/components/requests/timeline";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { currentRequestMeta, getCurrentUser } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { getCustomerItem } from "@/lib/workflow/queries";
import { canonicalItemNumber, trackingAccess } from "@/lib/workflow/tracking-access";
import { LetterSummary } from "@/components/registry/letter-summary";
import { getLetterForSender } from "@/lib/registry/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("track"))("title") };
}

const input = "min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base uppercase";

/**
 * Follow an item without an account, with the number and code of the acknowledgement. Wrong
 * pairs are throttled per address and per number (lib/workflow/tracking-access.ts); a signed-in
 * owner is recognised by their account and never throttled.
 */
export default async function TrackPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ number?: string; code?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const { number, code } = await searchParams;
  const [t, ti, utility] = await Promise.all([
    getTranslations("track"),
    getTranslations("requests"),
    getCurrentUtility(),
  ]);
  const asked = typeof number === "string" && typeof code === "string" && number && code;
  const db = getDb();
  const user = asked ? await getCurrentUser() : null;
  const access = asked
    ? await trackingAccess(db, {
        number,
        code,
        userId: user?.id,
        ip: (await currentRequestMeta()).ip,
      })
    : undefined;
  const found =
    asked && (access?.kind === "code" || access?.kind === "owner")
      ? await getCustomerItem(db, {
          number: canonicalItemNumber(number),
          trackingCode: code.trim(),
          userId: access.kind === "owner" ? user?.id : undefined,
        })
      : undefined;
  // A letter to the mail registry: its number is a registry number, with its documents (read
  // with the item's own code: an owner may have typed a wrong one).
  const letter =
    found && found.item.subjectType === "registry_entry"
      ? await getLetterForSender(db, {
          number: found.item.number,
          trackingCode: found.item.trackingCode,
        })
      : undefined;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-5">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <form className="flex flex-col gap-3">
          <label htmlFor="number" className="text-sm font-semibold">
            {t("number")}
          </label>
          <input
            id="number"
            name="number"
            defaultValue={typeof number === "string" ? number : ""}
            required
            maxLength={40}
            dir="ltr"
            className={input}
          />
          <label htmlFor="code" className="text-sm font-semibold">
            {t("code")}
          </label>
          <input
            id="code"
            name="code"
            defaultValue={typeof code === "string" ? code : ""}
            required
            maxLength={20}
            dir="ltr"
            autoComplete="off"
            className={input}
          />
          <button type="submit" className={buttonClass("primary", "self-start")}>
            {t("submit")}
          </button>
        </form>
      </Card>
      {access?.kind === "throttled" ? (
        <Alert tone="error">{t("throttled")}</Alert>
      ) : asked && !found ? (
        <Alert tone="error">{t("notFound")}</Alert>
      ) : null}
      {found ? (
        <Card className="flex flex-col gap-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-bold">{found.item.title}</p>
            <StatusBadge status={found.item.status} />
          </div>
          {found.item.resolutionDueAt &&
          found.item.status !== "resolved" &&
          found.item.status !== "closed" ? (
            <p className="text-sm">
              {ti("dueIn", {
                date: formatDateTime(found.item.resolutionDueAt, locale, utility.timeZone),
              })}
            </p>
          ) : null}
          {letter ? (
            <LetterSummary
              letter={letter}
              locale={locale}
              timeZone={utility.timeZone}
              access={{ code: letter.trackingCode }}
            />
          ) : null}
          <Timeline events={found.events} locale={locale} timeZone={utility.timeZone} />
        </Card>
      ) : null}
    </div>
  );
}
