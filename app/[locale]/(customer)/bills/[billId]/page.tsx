import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BillView } from "@/components/billing/bill-view";
import { PayBillButton } from "@/components/payments/pay-bills-card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { getBillDetail } from "@/lib/billing/queries";
import { utilityToday } from "@/lib/billing/today";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getCurrentUtility } from "@/lib/utility/current-utility";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("title") };
}

export default async function BillPage({
  params,
}: {
  params: Promise<{ locale: string; billId: string }>;
}) {
  const { locale: raw, billId } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const utility = await getCurrentUtility();
  // The account is in the query: someone else's bill is not found, exactly like a missing one.
  const detail = await getBillDetail(getDb(), {
    billId,
    access: { userId: user.id },
    today: utilityToday(utility.timeZone),
  });
  if (!detail) notFound();
  const t = await getTranslations("billing.detail");
  return (
    <div className="flex flex-col gap-6">
      <Link href="/bills" className="text-sm font-semibold text-brand-700 underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">
          ←
        </span>{" "}
        {t("back")}
      </Link>
      <BillView
        detail={detail}
        locale={locale}
        billHref={(id) => `/bills/${id}`}
        pay={<PayBillButton bill={detail} locale={locale} />}
      />
    </div>
  );
}
