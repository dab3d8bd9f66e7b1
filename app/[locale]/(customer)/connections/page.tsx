import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { listCustomerRequests } from "@/lib/connections/queries";
import { listActiveTypes, localName } from "@/lib/connections/types";
import { formatDate } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections"))("title") };
}

export default async function ConnectionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const db = getDb();
  const [t, requests, types, utility] = await Promise.all([
    getTranslations("connections"),
    listCustomerRequests(db, { userId: user.id }),
    listActiveTypes(db),
    getCurrentUtility(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("newRequest")}</h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          {types.map((type) => (
            <li key={type.code}>
              <Link
                href={`/connections/new/${type.code}`}
                className="flex min-h-11 items-center rounded-xl border border-slate-200 bg-white p-4 font-semibold hover:border-brand-600"
              >
                {localName(type, locale)}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      <section className="flex flex-col gap-3">
        <h2 className="text-lg font-bold">{t("myRequests")}</h2>
        {requests.length === 0 ? (
          <Card>
            <p>{t("empty")}</p>
          </Card>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="connection-list">
            {requests.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/connections/${r.id}`}
                  className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-600"
                >
                  <span className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-bold">
                      {locale === "ar"
                        ? r.typeNameAr
                        : locale === "fr"
                          ? r.typeNameFr
                          : r.typeNameEn}
                    </span>
                    <span className="rounded-full bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-800">
                      {t(`stages.${r.stage}` as never)}
                    </span>
                  </span>
                  <span className="text-sm text-slate-600">
                    <span className="ltr-nums font-mono">{r.number}</span> · {t("filedOn")}{" "}
                    {formatDate(r.createdAt, locale, utility.timeZone)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
