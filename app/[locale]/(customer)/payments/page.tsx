import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PaymentStatusBadge } from "@/components/receipts/payment-status-badge";
import { ReceiptDownloads } from "@/components/receipts/receipt-downloads";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { formatMoney } from "@/lib/billing/present";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatReceivedAt, listCustomerPayments } from "@/lib/payments/receipts";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("receipts"))("title") };
}

/** The customer's payments, newest first, each with its receipt in the three languages. */
export default async function PaymentsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const [t, utility, rows] = await Promise.all([
    getTranslations("receipts"),
    getCurrentUtility(),
    listCustomerPayments(getDb(), { userId: user.id }),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {!rows.length ? (
        <Card>
          <p>{t("empty")}</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="payment-list">
          {rows.map((p) => (
            <li
              key={p.id}
              data-receipt-no={p.receiptNo ?? ""}
              className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
            >
              <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
                <div className="flex flex-col gap-1">
                  <span className="flex flex-wrap items-center gap-2 font-bold">
                    <bdi>{formatReceivedAt(p.date, locale, utility.timeZone)}</bdi>
                    <PaymentStatusBadge status={p.status} />
                  </span>
                  <span className="text-sm text-slate-600">
                    {t("col.receiptNo")}:{" "}
                    {p.receiptNo ? (
                      <span className="ltr-nums font-mono font-semibold text-slate-900">
                        {p.receiptNo}
                      </span>
                    ) : (
                      t("noReceipt")
                    )}
                  </span>
                </div>
                <span className="ltr-nums text-end text-lg font-bold whitespace-nowrap">
                  <bdi>{formatMoney(p.amountMinor, p.currency, locale)}</bdi>
                  {p.refundedMinor > 0 ? (
                    <span className="block text-xs font-semibold text-violet-800">
                      {t("refundedAmount", {
                        amount: formatMoney(p.refundedMinor, p.currency, locale),
                      })}
                    </span>
                  ) : null}
                </span>
              </div>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-600">{t("col.method")}</dt>
                  <dd className="font-semibold">{t(`method.${p.method}`)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("col.contract")}</dt>
                  <dd className="font-mono font-semibold">
                    <bdi className="ltr-nums">{p.contractNo}</bdi>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("col.bills")}</dt>
                  <dd className="flex flex-wrap gap-x-2 font-semibold">
                    {p.bills.length
                      ? p.bills.map((b) => (
                          <Link
                            key={b.id}
                            href={`/bills/${b.id}`}
                            className="ltr-nums font-mono text-brand-700 underline"
                          >
                            {b.billNo}
                          </Link>
                        ))
                      : t("noBills")}
                  </dd>
                </div>
              </dl>
              {p.hasReceipt && p.receiptNo ? (
                <ReceiptDownloads paymentId={p.id} receiptNo={p.receiptNo} locale={locale} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
