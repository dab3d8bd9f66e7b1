import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BillStatusBadge } from "@/components/billing/bill-status-badge";
import { PayBillsCard } from "@/components/payments/pay-bills-card";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { listCustomerBills } from "@/lib/billing/queries";
import {
  formatDay,
  formatDecimal,
  formatMoney,
  formatPeriod,
  unitLabel,
} from "@/lib/billing/present";
import type { BillPaymentStatus } from "@/lib/billing/status";
import { utilityToday } from "@/lib/billing/today";
import { listAccountContracts } from "@/lib/contracts/queries";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { translator } from "@/lib/i18n/translate";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("title") };
}

const STATUSES: BillPaymentStatus[] = ["unpaid", "overdue", "partly_paid", "paid", "cancelled"];

export default async function BillsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ contract?: string; status?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const query = await searchParams;
  const db = getDb();
  const utility = await getCurrentUtility();
  const today = utilityToday(utility.timeZone);
  const contracts = await listAccountContracts(db, { userId: user.id });
  // Filters come from the address bar: anything that is not one of ours is ignored.
  const contractId = contracts.some((c) => c.id === query.contract) ? query.contract : undefined;
  const status = STATUSES.find((s) => s === query.status);
  const [t, bills, all] = await Promise.all([
    getTranslations("billing"),
    listCustomerBills(db, { userId: user.id, today, contractId, status }),
    listCustomerBills(db, { userId: user.id, today }),
  ]);
  const tx = translator(locale);
  const dueByCurrency = new Map<string, number>();
  for (const b of all)
    dueByCurrency.set(b.currency, (dueByCurrency.get(b.currency) ?? 0) + b.amountDueMinor);
  const totalDue = [...dueByCurrency].map(([c, m]) => formatMoney(m, c, locale)).join(" + ");
  const anyDue = [...dueByCurrency.values()].some((m) => m > 0);

  return (
    <div className="flex flex-col gap-6">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {all.length ? (
        <p
          className={`rounded-lg px-4 py-3 font-semibold ${anyDue ? "bg-amber-50 text-amber-900" : "bg-emerald-50 text-emerald-900"}`}
          data-testid="total-due"
        >
          {anyDue
            ? t.rich("totalDue", {
                amount: totalDue,
              })
            : t("dashboardNothingDue")}
        </p>
      ) : null}
      <PayBillsCard bills={all} locale={locale} />

      {contracts.length ? (
        <form
          method="get"
          className="flex flex-wrap items-end gap-3"
          aria-label={t("filters.legend")}
        >
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t("filters.contract")}
            <select
              name="contract"
              defaultValue={contractId ?? ""}
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-3"
            >
              <option value="">{t("filters.allContracts")}</option>
              {contracts.map((c) => (
                <option key={c.id} value={c.id}>
                  {t(`service.${c.service}`)} · {c.contractNo}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t("filters.status")}
            <select
              name="status"
              defaultValue={status ?? ""}
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-3"
            >
              <option value="">{t("filters.allStatuses")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            {t("filters.apply")}
          </button>
          {contractId || status ? (
            <Link
              href="/bills"
              className="px-2 py-3 text-sm font-semibold text-brand-700 underline"
            >
              {t("filters.reset")}
            </Link>
          ) : null}
        </form>
      ) : null}

      {!all.length ? (
        <Card>
          <p>{t("noBills")}</p>
        </Card>
      ) : !bills.length ? (
        <Card>
          <p>{t("empty")}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="bill-list">
          {bills.map((b) => (
            <li key={b.id}>
              <Link
                href={`/bills/${b.id}`}
                className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-600"
                data-bill-no={b.billNo}
              >
                <span className="flex flex-wrap items-center gap-2 font-bold">
                  {t(`service.${b.service}`)}
                  <span className="ltr-nums font-mono text-sm font-semibold text-slate-600">
                    {b.billNo}
                  </span>
                  {b.estimated ? (
                    <span className="rounded-full bg-violet-100 px-2 py-0.5 text-xs text-violet-900">
                      {t("estimatedBadge")}
                    </span>
                  ) : null}
                </span>
                <span className="ltr-nums text-end text-lg font-bold whitespace-nowrap">
                  <bdi>{formatMoney(b.totalMinor, b.currency, locale)}</bdi>
                </span>
                <span className="text-sm text-slate-600">
                  {formatPeriod(b.periodStart, b.periodEnd, locale)} ·{" "}
                  <bdi className="ltr-nums">{formatDecimal(b.consumption, locale)}</bdi>{" "}
                  {unitLabel(tx, b.unit)}
                  <span className="block">
                    {t("col.contract")}: <span className="ltr-nums font-mono">{b.contractNo}</span>{" "}
                    · {t("col.due")}: {formatDay(b.dueDate, locale)}
                  </span>
                </span>
                <span className="flex flex-col items-end gap-1 text-end">
                  <BillStatusBadge status={b.paymentStatus} />
                  {b.paymentStatus !== "paid" &&
                  b.paymentStatus !== "cancelled" &&
                  b.paidMinor > 0 ? (
                    <span className="text-xs text-slate-600">
                      {t("col.amountDue")}:{" "}
                      <bdi className="ltr-nums">
                        {formatMoney(b.amountDueMinor, b.currency, locale)}
                      </bdi>
                    </span>
                  ) : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      {contracts.length ? (
        <Card>
          <ul className="flex flex-col gap-2">
            {contracts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <span className="font-semibold">
                  {t(`service.${c.service}`)} ·{" "}
                  <span className="ltr-nums font-mono">{c.contractNo}</span>
                </span>
                <Link
                  href={`/bills/statement?contract=${c.id}`}
                  className="text-brand-700 underline"
                >
                  {t("statementLink")}
                </Link>
                <a
                  href={`/api/contracts/${c.id}/consumption.csv?lang=${locale}`}
                  className="text-brand-700 underline"
                  download
                >
                  {t("csvLink")}
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
