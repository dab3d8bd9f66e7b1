import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCheckoutView } from "@/lib/payments/checkout-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.cancelled"))("title") };
}

/**
 * The payer left the provider's page. Nothing is closed here: the provider says so itself
 * (Stripe's checkout.session.expired, the test provider's Cancel), so a payer who comes back
 * to a still-open checkout can finish it.
 */
export default async function PaymentCancelledPage({
  params,
}: {
  params: Promise<{ locale: string; paymentId: string }>;
}) {
  const { locale: raw, paymentId } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const payment = await getCheckoutView(getDb(), { paymentId, access: { userId: user.id } });
  if (!payment) notFound();
  const t = await getTranslations("payments");
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>{t("cancelled.title")}</PageTitle>
      <Card>
        <p data-testid="payment-cancelled">{t("cancelled.body")}</p>
      </Card>
      <div className="flex flex-wrap gap-3">
        <Link href="/bills" className={buttonClass("primary")}>
          {t("status.backToBills")}
        </Link>
      </div>
    </div>
  );
}
