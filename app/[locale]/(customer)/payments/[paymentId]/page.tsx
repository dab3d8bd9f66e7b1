import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PaymentStatus } from "@/components/payments/payment-status";
import { buttonClass } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCheckoutView } from "@/lib/payments/checkout-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.status"))("title") };
}

export default async function PaymentPage({
  params,
}: {
  params: Promise<{ locale: string; paymentId: string }>;
}) {
  const { locale: raw, paymentId } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  // The owner is in the query: someone else's payment is not found, like a missing one.
  const payment = await getCheckoutView(getDb(), { paymentId, access: { userId: user.id } });
  if (!payment) notFound();
  const t = await getTranslations("payments.status");
  const paid = payment.status === "succeeded" || payment.status === "refunded";
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{t("title")}</PageTitle>
      <PaymentStatus payment={payment} locale={locale} detailed />
      <div className="flex flex-wrap gap-3">
        {paid && payment.receiptNo ? (
          <a
            href={`/api/payments/${payment.id}/receipt.pdf?lang=${locale}`}
            className={buttonClass("primary")}
            data-testid="receipt-pdf"
            download
          >
            {t("receiptPdf")}
          </a>
        ) : null}
        <Link href="/bills" className={buttonClass("secondary")}>
          {t("backToBills")}
        </Link>
        <Link href="/payments" className={buttonClass("ghost")}>
          {t("history")}
        </Link>
      </div>
    </div>
  );
}
