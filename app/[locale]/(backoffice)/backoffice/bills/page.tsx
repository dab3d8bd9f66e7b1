import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge, inputClass } from "@/components/backoffice/admin-ui";
import {
  day,
  lastDay,
  Money,
  STATUS_TONE,
  TableScroll,
  td,
  th,
} from "@/components/backoffice/billing/format";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isBillingStaff } from "@/lib/billing/admin-access";
import { localDate } from "@/lib/billing/dates";
import { searchBills } from "@/lib/billing/queries";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billingAdmin.bills"))("title") };
}

/** Staff bill search: a bill number, a contract number or a payment reference. */
export default async function BillsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const [{ locale: raw }, { q }] = await Promise.all([params, searchParams]);
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale, rolesFor("bills"));
  const db = getDb();
  if (!(await isBillingStaff(db, user))) notFound();
  const utility = await getCurrentUtility();
  const today = localDate(new Date(), utility.timeZone);
  const query = (q ?? "").slice(0, 60);
  const [t, results] = await Promise.all([
    getTranslations("billingAdmin.bills"),
    query.trim() ? searchBills(db, { query, today }) : Promise.resolve(null),
  ]);

  return (
    <div className="flex flex-col gap-4">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card className="flex flex-col gap-3">
        <form method="get" className="flex flex-wrap items-end gap-3" role="search">
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-semibold sm:max-w-md">
            {t("query")}
            <input
              name="q"
              defaultValue={query}
              dir="ltr"
              autoComplete="off"
              className={`${inputClass} ltr-nums`}
            />
          </label>
          <Button type="submit">{t("search")}</Button>
        </form>
        <Link
          href="/backoffice/bills/import"
          className="self-start text-sm font-semibold text-brand-800 hover:underline"
        >
          {t("importLink")}
        </Link>
      </Card>
      {results ? (
        <Card>
          {results.length ? (
            <TableScroll>
              <table className="w-full min-w-[40rem] text-sm" data-testid="bill-results">
                <thead>
                  <tr className="border-b border-slate-200">
                    <th className={th}>{t("billNo")}</th>
                    <th className={th}>{t("contract")}</th>
                    <th className={th}>{t("period")}</th>
                    <th className={th}>{t("total")}</th>
                    <th className={th}>{t("due")}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((b) => (
                    <tr key={b.id} className="border-b border-slate-100 last:border-0">
                      <td className={td}>
                        <Link
                          href={`/backoffice/bills/${b.id}`}
                          className="ltr-nums font-semibold text-brand-800 hover:underline"
                        >
                          {b.billNo}
                        </Link>
                        <div>
                          <Badge tone={STATUS_TONE[b.paymentStatus]}>
                            {t(`status.${b.paymentStatus}`)}
                          </Badge>
                        </div>
                      </td>
                      <td className={`${td} ltr-nums`}>{b.contractNo}</td>
                      <td className={td}>
                        {t("periodValue", {
                          from: day(b.periodStart, locale),
                          to: day(lastDay(b.periodEnd), locale),
                        })}
                      </td>
                      <td className={td}>
                        <Money minor={b.totalMinor} currency={b.currency} />
                      </td>
                      <td className={td}>{day(b.dueDate, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p className="text-sm text-slate-600">{t("noResult", { query })}</p>
          )}
        </Card>
      ) : null}
    </div>
  );
}
