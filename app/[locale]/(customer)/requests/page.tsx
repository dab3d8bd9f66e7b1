import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/requests/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { formatDate } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { listCustomerItems } from "@/lib/workflow/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("metaTitle") };
}

export default async function RequestsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const [t, items, utility] = await Promise.all([
    getTranslations("requests"),
    listCustomerItems(getDb(), { userId: user.id }),
    getCurrentUtility(),
  ]);
  const kindName = (i: (typeof items)[number]) =>
    locale === "ar" ? i.kindNameAr : locale === "fr" ? i.kindNameFr : i.kindNameEn;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <Link href="/requests/new" className={buttonClass("primary")}>
          {t("new")}
        </Link>
      </div>
      {items.length === 0 ? (
        <Card>
          <p>{t("empty")}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="request-list">
          {items.map((i) => (
            <li key={i.number}>
              <Link
                href={`/requests/${i.number}`}
                className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-600"
              >
                <span className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-bold">{i.title}</span>
                  <StatusBadge status={i.status} />
                </span>
                <span className="text-sm text-slate-600">
                  {kindName(i)} · <span className="ltr-nums font-mono">{i.number}</span> ·{" "}
                  {t("filedOn", { date: formatDate(i.createdAt, locale, utility.timeZone) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
