import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PaymentsIntl } from "@/components/payments/payments-intl";
import { QuickPayForm } from "@/components/payments/quick-pay-form";
import { Card, PageTitle } from "@/components/ui/card";
import { isLocale } from "@/lib/i18n/locales";
import { quickPayLookupAction, quickPayStartAction } from "@/lib/payments/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.quick"))("title") };
}

/** Pay without signing in: the contract number and the payment reference printed on a bill. */
export default async function QuickPayPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const t = await getTranslations("payments.quick");
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-6">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <PaymentsIntl locale={locale}>
          <QuickPayForm
            lookup={quickPayLookupAction}
            start={quickPayStartAction}
            locale={locale}
            token={randomUUID().replaceAll("-", "")}
          />
        </PaymentsIntl>
      </Card>
    </div>
  );
}
