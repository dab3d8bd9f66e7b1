import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PaymentsIntl } from "@/components/payments/payments-intl";
import { TestProviderForm } from "@/components/payments/test-provider-form";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { formatMoney, formatPeriod } from "@/lib/billing/present";
import { isLocale } from "@/lib/i18n/locales";
import { testProviderAction } from "@/lib/payments/actions";
import { getCheckoutView } from "@/lib/payments/checkout-queries";
import { testProviderAllowed } from "@/lib/payments/provider";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.test"))("banner"), robots: { index: false } };
}

/**
 * The built-in test provider's checkout page (no real money): the bills and the amount, and
 * three answers. It stands where Stripe's page would, so it is labelled on every view.
 */
export default async function TestProviderPage({
  params,
}: {
  params: Promise<{ locale: string; paymentId: string }>;
}) {
  const { locale: raw, paymentId } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  if (!testProviderAllowed()) notFound();
  const payment = await getCheckoutView(getDb(), { paymentId, access: "provider" });
  if (!payment || payment.provider !== "test") notFound();
  const t = await getTranslations("payments.test");
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-6">
      <p
        className="rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 px-4 py-3 text-center font-bold text-amber-900"
        role="note"
        data-testid="test-provider-banner"
      >
        {t("banner")}
      </p>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <dl className="flex flex-col gap-3">
          <div>
            <dt className="text-sm text-slate-600">{t("amount")}</dt>
            <dd className="ltr-nums text-3xl font-bold" data-testid="test-amount">
              <bdi>{formatMoney(payment.amountMinor, payment.currency, locale)}</bdi>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("bills")}</dt>
            <dd>
              <ul className="flex flex-col gap-1" data-testid="test-bills">
                {payment.bills.map((b) => (
                  <li key={b.id}>
                    <span className="ltr-nums font-mono font-semibold">{b.billNo}</span>{" "}
                    <span className="text-sm text-slate-600">
                      {formatPeriod(b.periodStart, b.periodEnd, locale)}
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      </Card>
      {payment.status === "pending" ? (
        <PaymentsIntl locale={locale}>
          <TestProviderForm action={testProviderAction} paymentId={payment.id} />
        </PaymentsIntl>
      ) : (
        <p className="rounded-lg bg-slate-100 px-4 py-3">{t("closed")}</p>
      )}
    </div>
  );
}
