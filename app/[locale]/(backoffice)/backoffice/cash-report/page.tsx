import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/backoffice/admin-ui";
import { day, Money, TableScroll, td, th } from "@/components/backoffice/billing/format";
import { PaymentsIntl } from "@/components/backoffice/payments/payments-intl";
import { PrintButton } from "@/components/backoffice/payments/print-button";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isBillingStaff } from "@/lib/billing/admin-access";
import { isIsoDate, localDate } from "@/lib/billing/dates";
import { formatInteger, intlTag } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { AGENCIES, agencyName, isAgencyCode } from "@/lib/payments/agencies";
import { dailyCashReport } from "@/lib/payments/cash-report";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paymentsAdmin.cashReport"))("title") };
}

// Printing leaves out the back office's header and menu: the sheet is the report alone.
const PRINT_CSS =
  "@media print { body header, body nav { display: none !important; } main#main { padding: 0 !important; } }";

/** The counters' takings of a day, per agency and method, with every receipt; printable. */
export default async function CashReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ date?: string; agency?: string }>;
}) {
  const [{ locale: raw }, sp] = await Promise.all([params, searchParams]);
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireStaffPage(locale, rolesFor("cashReport"));
  const db = getDb();
  if (!(await isBillingStaff(db, user))) notFound();
  const utility = await getCurrentUtility();
  const date = sp.date && isIsoDate(sp.date) ? sp.date : localDate(new Date(), utility.timeZone);
  const agency = isAgencyCode(sp.agency) ? sp.agency : null;
  const [t, tp, tm, report] = await Promise.all([
    getTranslations("paymentsAdmin.cashReport"),
    getTranslations("paymentsAdmin"),
    getTranslations("paymentsAdmin.method"),
    dailyCashReport(db, { date, timeZone: utility.timeZone, agency }),
  ]);
  const method = (m: string | null) => (m && tm.has(m as never) ? tm(m as never) : tm("unknown"));
  const agencyLabel = (code: string | null) => agencyName(code, locale) ?? tp("noAgency");
  const time = (d: Date) =>
    new Intl.DateTimeFormat(intlTag(locale), {
      timeStyle: "short",
      timeZone: utility.timeZone,
      numberingSystem: "latn",
    }).format(d);

  return (
    <div className="flex flex-col gap-4">
      <style>{PRINT_CSS}</style>
      <div className="print:hidden">
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      </div>
      <Card className="flex flex-col gap-3 print:hidden">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t("date")}
            <input
              type="date"
              name="date"
              defaultValue={date}
              required
              className={`${inputClass} ltr-nums w-auto`}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t("agency")}
            <select name="agency" defaultValue={agency ?? ""} className={`${inputClass} w-auto`}>
              <option value="">{t("allAgencies")}</option>
              {AGENCIES.map((a) => (
                <option key={a.code} value={a.code}>
                  {agencyName(a.code, locale)}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit">{t("show")}</Button>
          <PaymentsIntl locale={locale}>
            <PrintButton />
          </PaymentsIntl>
        </form>
      </Card>

      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold" data-testid="cash-heading">
          {t("heading", { date: day(date, locale) })}
          {agency ? ` — ${agencyLabel(agency)}` : ""}
        </h2>
        {report.payments.length ? (
          <>
            <h3 className="font-semibold">{t("totals")}</h3>
            <TableScroll>
              <table className="w-full min-w-[28rem] text-sm" data-testid="cash-totals">
                <thead>
                  <tr className="border-b border-slate-200">
                    <th className={th}>{t("agency")}</th>
                    <th className={th}>{tp("counter.method")}</th>
                    <th className={th}>{t("count")}</th>
                    <th className={th}>{t("total")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.totals.map((row) => (
                    <tr
                      key={`${row.agency}|${row.method}|${row.currency}`}
                      className="border-b border-slate-100"
                    >
                      <td className={td}>{agencyLabel(row.agency)}</td>
                      <td className={td}>{method(row.method)}</td>
                      <td className={td}>{formatInteger(row.count, locale)}</td>
                      <td className={td}>
                        <Money minor={row.totalMinor} currency={row.currency} />
                      </td>
                    </tr>
                  ))}
                  {report.grandTotals.map((g) => (
                    <tr key={g.currency} className="border-t-2 border-slate-300 font-bold">
                      <td className={td} colSpan={2}>
                        {t("grandTotal")}
                      </td>
                      <td className={td}>{formatInteger(g.count, locale)}</td>
                      <td className={td}>
                        <Money minor={g.totalMinor} currency={g.currency} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <h3 className="font-semibold">{t("payments")}</h3>
            <TableScroll>
              <table className="w-full min-w-[44rem] text-sm" data-testid="cash-payments">
                <thead>
                  <tr className="border-b border-slate-200">
                    <th className={th}>{t("receiptNo")}</th>
                    <th className={th}>{t("time")}</th>
                    <th className={th}>{t("agency")}</th>
                    <th className={th}>{tp("counter.method")}</th>
                    <th className={th}>{t("contract")}</th>
                    <th className={th}>{t("clerk")}</th>
                    <th className={th}>{t("total")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.payments.map((p) => (
                    <tr key={p.id} className="border-b border-slate-100 last:border-0">
                      <td className={`${td} font-semibold`}>
                        <bdi className="ltr-nums whitespace-nowrap" dir="ltr">
                          {p.receiptNo ?? "—"}
                        </bdi>
                      </td>
                      <td className={`${td} ltr-nums`}>{time(p.receivedAt)}</td>
                      <td className={td}>{agencyLabel(p.agency)}</td>
                      <td className={td}>{method(p.method)}</td>
                      <td className={`${td} ltr-nums`}>{p.contractNo}</td>
                      <td className={td}>{p.clerkName ?? "—"}</td>
                      <td className={td}>
                        <Money minor={p.amountMinor} currency={p.currency} />
                        {p.refundedMinor > 0 ? (
                          <div className="text-xs text-slate-600">
                            {t("refunded")} <Money minor={p.refundedMinor} currency={p.currency} />
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        ) : (
          <p className="text-sm text-slate-600">{t("empty", { date: day(date, locale) })}</p>
        )}
      </Card>
    </div>
  );
}
