import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/payments/auto-refresh";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/billing/present";
import type { Locale } from "@/lib/i18n/locales";
import type { CheckoutView } from "@/lib/payments/checkout-queries";

const TONE = {
  pending: "info",
  succeeded: "success",
  failed: "error",
  cancelled: "warning",
  refunded: "warning",
} as const;

/**
 * Where a payment stands, as its provider last told us: "processing" until the webhook (or the
 * test provider's confirmation) arrives, never "paid" on the payer's return alone. While it is
 * pending the page refreshes itself (JavaScript, or the meta refresh without it).
 */
export async function PaymentStatus({
  payment,
  locale,
  detailed,
}: {
  payment: CheckoutView;
  locale: Locale;
  /** The owner's page: bills and receipt too; the public quick-pay page: amount and status. */
  detailed: boolean;
}) {
  const t = await getTranslations("payments.status");
  const pending = payment.status === "pending";
  return (
    <Card>
      <div
        className="flex flex-col gap-4"
        data-testid="payment-status"
        data-status={payment.status}
      >
        {pending ? (
          <>
            <noscript>
              <meta httpEquiv="refresh" content="3" />
            </noscript>
            <AutoRefresh seconds={2.5} />
          </>
        ) : null}
        <Alert tone={TONE[payment.status]}>
          <span className="font-semibold">{t(payment.status)}</span>
          {pending ? <span className="block">{t("pendingHelp")}</span> : null}
        </Alert>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3">
          <div>
            <dt className="text-sm text-slate-600">{t("amount")}</dt>
            <dd className="ltr-nums text-2xl font-bold" data-testid="payment-amount">
              <bdi>{formatMoney(payment.amountMinor, payment.currency, locale)}</bdi>
            </dd>
          </div>
          {detailed && payment.receiptNo ? (
            <div>
              <dt className="text-sm text-slate-600">{t("receiptNo")}</dt>
              <dd className="ltr-nums font-mono text-lg font-semibold" data-testid="receipt-no">
                {payment.receiptNo}
              </dd>
            </div>
          ) : null}
          {detailed && payment.bills.length ? (
            <div className="col-span-2">
              <dt className="text-sm text-slate-600">{t("bills")}</dt>
              <dd className="ltr-nums font-mono text-sm">
                {payment.bills.map((b) => b.billNo).join(" · ")}
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
    </Card>
  );
}
