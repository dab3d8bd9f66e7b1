import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { formatDay, formatMoney } from "@/lib/billing/present";
import { contractStatement } from "@/lib/billing/queries";
import { statementRange } from "@/lib/billing/statement-range";
import { utilityToday } from "@/lib/billing/today";
import { listAccountContracts } from "@/lib/contracts/queries";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing.statement"))("title") };
}

export default async function StatementPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ contract?: string; from?: string; to?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const query = await searchParams;
  const db = getDb();
  const [t, tb, utility, contracts] = await Promise.all([
    getTranslations("billing.statement"),
    getTranslations("billing"),
    getCurrentUtility(),
    listAccountContracts(db, { userId: user.id }),
  ]);
  const today = utilityToday(utility.timeZone);
  const contract = contracts.find((c) => c.id === query.contract) ?? contracts[0];
  const range = statementRange(query, today);
  const statement =
    contract && range.ok
      ? await contractStatement(db, {
          access: { userId: user.id },
          contractId: contract.id,
          from: range.from,
          to: range.to,
          timeZone: utility.timeZone,
        })
      : null;
  const money = (minor: number) =>
    formatMoney(minor, statement?.currency ?? utility.currency, locale);

  return (
    <div className="flex flex-col gap-6">
      <Link href="/bills" className="text-sm font-semibold text-brand-700 underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">
          ←
        </span>{" "}
        {tb("detail.back")}
      </Link>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {!contract ? (
        <Card>
          <p>{t("noContract")}</p>
        </Card>
      ) : (
        <>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <label className="flex flex-col gap-1 text-sm font-semibold">
              {t("contract")}
              <select
                name="contract"
                defaultValue={contract.id}
                className="min-h-11 rounded-lg border border-slate-300 bg-white px-3"
              >
                {contracts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {tb(`service.${c.service}`)} · {c.contractNo}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-semibold">
              {t("from")}
              <input
                type="date"
                name="from"
                defaultValue={range.from}
                className="min-h-11 rounded-lg border border-slate-300 bg-white px-3"
              />
            </label>
            <label className="flex flex-col gap-1 text-sm font-semibold">
              {t("to")}
              <input
                type="date"
                name="to"
                defaultValue={range.to}
                className="min-h-11 rounded-lg border border-slate-300 bg-white px-3"
              />
            </label>
            <button type="submit" className={buttonClass("secondary")}>
              {t("show")}
            </button>
          </form>
          {!range.ok ? (
            <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 font-semibold text-red-800">
              {t("invalidRange")}
            </p>
          ) : statement ? (
            <Card>
              <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
                <p className="font-semibold" data-testid="statement-summary">
                  {statement.closingMinor > 0
                    ? t("owed", { amount: money(statement.closingMinor) })
                    : statement.closingMinor < 0
                      ? t("credit", { amount: money(-statement.closingMinor) })
                      : t("settled")}
                </p>
                <a
                  href={`/api/contracts/${contract.id}/statement.pdf?from=${range.from}&to=${range.to}&lang=${locale}`}
                  className={buttonClass("secondary", "text-sm")}
                >
                  {t("pdf")}
                </a>
              </div>
              <div className="-mx-4 overflow-x-auto sm:mx-0">
                {/* Amounts: only the <bdi> runs left to right. A left-to-right cell put "text-end"
                    on the right in Arabic, away from its heading on the left. */}
                <table className="w-full text-sm" data-testid="statement">
                  <thead>
                    <tr className="border-b border-slate-200 text-slate-600">
                      <th scope="col" className="px-2 py-2 text-start font-semibold">
                        {t("colDate")}
                      </th>
                      <th scope="col" className="px-2 py-2 text-start font-semibold">
                        {t("colDescription")}
                      </th>
                      <th scope="col" className="px-2 py-2 text-end font-semibold">
                        {t("colDebit")}
                      </th>
                      <th scope="col" className="px-2 py-2 text-end font-semibold">
                        {t("colCredit")}
                      </th>
                      <th scope="col" className="px-2 py-2 text-end font-semibold">
                        {t("colBalance")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr className="border-b border-slate-100 bg-slate-50">
                      <td className="px-2 py-2" colSpan={4}>
                        {t("opening", { date: formatDay(statement.from, locale) })}
                      </td>
                      <td className="px-2 py-2 text-end font-semibold whitespace-nowrap">
                        <bdi className="ltr-nums">{money(statement.openingMinor)}</bdi>
                      </td>
                    </tr>
                    {statement.rows.map((r, i) => (
                      <tr key={i} className="border-b border-slate-100">
                        <td className="px-2 py-2 whitespace-nowrap">{formatDay(r.date, locale)}</td>
                        {/* One line: a wrapped "QP-2025-000001" came apart as "-QP / 2025- / 000001"
                            in Arabic. The table already scrolls sideways on a phone. */}
                        <td className="px-2 py-2 whitespace-nowrap">
                          {r.billId ? (
                            <Link href={`/bills/${r.billId}`} className="text-brand-700 underline">
                              {t("bill", { reference: r.reference })}
                            </Link>
                          ) : (
                            t("payment", { reference: r.reference })
                          )}
                        </td>
                        <td className="px-2 py-2 text-end whitespace-nowrap">
                          {r.debitMinor ? (
                            <bdi className="ltr-nums">{money(r.debitMinor)}</bdi>
                          ) : (
                            ""
                          )}
                        </td>
                        <td className="px-2 py-2 text-end whitespace-nowrap text-emerald-800">
                          {r.creditMinor ? (
                            <bdi className="ltr-nums">{money(r.creditMinor)}</bdi>
                          ) : (
                            ""
                          )}
                        </td>
                        <td className="px-2 py-2 text-end font-semibold whitespace-nowrap">
                          <bdi className="ltr-nums">{money(r.balanceMinor)}</bdi>
                        </td>
                      </tr>
                    ))}
                    {!statement.rows.length ? (
                      <tr>
                        <td colSpan={5} className="px-2 py-3 text-slate-600">
                          {t("empty")}
                        </td>
                      </tr>
                    ) : null}
                    <tr className="bg-slate-50 font-bold">
                      <td className="px-2 py-2" colSpan={4}>
                        {t("closing", { date: formatDay(statement.to, locale) })}
                      </td>
                      <td className="px-2 py-2 text-end whitespace-nowrap">
                        <bdi className="ltr-nums">{money(statement.closingMinor)}</bdi>
                      </td>
                    </tr>
                  </tbody>
                </table>
              </div>
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}
