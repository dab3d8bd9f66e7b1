import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PaymentStatus } from "@/components/payments/payment-status";
import { buttonClass } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCheckoutView } from "@/lib/payments/checkout-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("payments.quick"))("statusTitle"),
    robots: { index: false },
  };
}

/**
 * A quick payment's public page: the unguessable payment id is the only key, so it shows the
 * amount and the status, nothing about the customer.
 */
export default async function QuickPayStatusPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; paymentId: string }>;
  searchParams: Promise<{ cancelled?: string }>;
}) {
  const { locale: raw, paymentId } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const payment = await getCheckoutView(getDb(), { paymentId, access: "quick" });
  if (!payment) notFound();
  const left = (await searchParams).cancelled === "1" && payment.status === "pending";
  const t = await getTranslations("payments");
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-6">
      <PageTitle>{t("quick.statusTitle")}</PageTitle>
      {left ? (
        <p className="rounded-lg bg-amber-50 px-4 py-3 text-amber-900">{t("cancelled.body")}</p>
      ) : (
        <PaymentStatus payment={payment} locale={locale} detailed={false} />
      )}
      <Link href="/quick-pay" className={buttonClass("secondary", "self-start")}>
        {t("quick.title")}
      </Link>
    </div>
  );
}
