import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db/client";
import { currentRequestMeta, getCurrentUser } from "@/lib/auth/guards";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { getLetterForSender } from "@/lib/registry/queries";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { getCustomerItem } from "@/lib/workflow/queries";
import { canonicalItemNumber, trackingAccess } from "@/lib/workflow/tracking-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registry.ack"))("title") };
}

/**
 * The acknowledgement, shown at once after a deposit: reachable with the number and tracking
 * code only (like the tracking page, and throttled like it), so a wrong pair is simply not
 * found; a signed-in owner is recognised by their account.
 */
export default async function AcknowledgementPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ number?: string; code?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const { number, code } = await searchParams;
  if (typeof number !== "string" || typeof code !== "string") notFound();
  const db = getDb();
  const user = await getCurrentUser();
  const access = await trackingAccess(db, {
    number,
    code,
    userId: user?.id,
    ip: (await currentRequestMeta()).ip,
  });
  if (access.kind === "throttled") {
    const t = await getTranslations("track");
    return (
      <div className="mx-auto flex max-w-xl flex-col gap-5">
        <PageTitle>{t("title")}</PageTitle>
        <Alert tone="error">{t("throttled")}</Alert>
      </div>
    );
  }
  if (access.kind === "denied") notFound();
  const owner = access.kind === "owner" ? user?.id : undefined;
  const [letter, item] = await Promise.all([
    getLetterForSender(db, owner ? { number, userId: owner } : { number, trackingCode: code }),
    getCustomerItem(db, {
      number: canonicalItemNumber(number),
      trackingCode: code.trim(),
      userId: owner,
    }),
  ]);
  if (!letter || !item) notFound();
  const [t, utility] = await Promise.all([getTranslations("registry.ack"), getCurrentUtility()]);
  const q = `number=${encodeURIComponent(letter.entry.registryNo)}&code=${encodeURIComponent(letter.trackingCode)}`;
  // Number and code are Latin codes read left to right; dates follow the page's language.
  const rows: [string, string, boolean][] = [
    [t("number"), letter.entry.registryNo, true],
    [t("registeredAt"), formatDateTime(letter.entry.registeredAt, locale, utility.timeZone), false],
    [t("trackingCode"), letter.trackingCode, true],
    [
      t("due"),
      item.item.resolutionDueAt
        ? formatDate(item.item.resolutionDueAt, locale, utility.timeZone)
        : "—",
      false,
    ],
  ];
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-5">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card className="flex flex-col gap-4">
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {rows.map(([label, value, ltr]) => (
            <div key={label}>
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-lg font-bold">
                <bdi dir={ltr ? "ltr" : undefined}>{value}</bdi>
              </dd>
            </div>
          ))}
        </dl>
        {letter.entry.partyEmail ? (
          <p className="text-sm text-slate-700">
            {t("emailed", { email: letter.entry.partyEmail })}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <a
            href={`/api/registry/acknowledgement?${q}&lang=${locale}`}
            className={buttonClass("primary")}
            download
          >
            {t("download")}
          </a>
          <a href={`/${locale}/track?${q}`} className={buttonClass("secondary")}>
            {t("track")}
          </a>
        </div>
      </Card>
    </div>
  );
}
