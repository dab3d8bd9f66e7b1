import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { formatMoney } from "@/lib/billing/present";
import { isLocale } from "@/lib/i18n/locales";
import { isReceiptNo, verifyReceiptSignature } from "@/lib/payments/receipt-signature";
import {
  formatReceivedAt,
  getReceiptByNumber,
  maskContractNo,
  receiptSignedFields,
} from "@/lib/payments/receipts";
import { getCurrentUtility } from "@/lib/utility/current-utility";
import { utilityName } from "@/lib/utility/get-utility";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getTranslations("receipts.verify"))("title"),
    robots: { index: false, follow: false },
  };
}

/**
 * The public check behind a receipt's QR code. Only a signature this server made for that
 * receipt number and amount shows anything, and then only the amount, the date and a masked
 * contract number; every other case is the same "not genuine" page (not-found.tsx, 404).
 */
export default async function VerifyReceiptPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; receiptNo: string }>;
  searchParams: Promise<{ sig?: string | string[] }>;
}) {
  const [{ locale: raw, receiptNo: rawNo }, { sig }] = await Promise.all([params, searchParams]);
  const locale = isLocale(raw) ? raw : "ar";
  const receiptNo = decodeURIComponent(rawNo);
  if (!isReceiptNo(receiptNo) || typeof sig !== "string") notFound();
  const receipt = await getReceiptByNumber(getDb(), receiptNo);
  if (!receipt || !verifyReceiptSignature(receiptSignedFields(receipt), sig)) notFound();

  const [t, utility] = await Promise.all([getTranslations("receipts.verify"), getCurrentUtility()]);
  const { payment } = receipt;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <Alert tone="success">
        <p className="text-base font-bold" data-testid="receipt-genuine">
          ✓ {t("genuine")}
        </p>
        <p>{t("genuineLead", { utility: utilityName(utility, locale) })}</p>
      </Alert>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-3">
          <dt className="text-slate-600">{t("receiptNo")}</dt>
          <dd className="ltr-nums font-mono font-semibold">{payment.receiptNo}</dd>
          <dt className="text-slate-600">{t("amount")}</dt>
          <dd className="ltr-nums text-lg font-bold">
            <bdi>{formatMoney(payment.amountMinor, payment.currency, locale)}</bdi>
          </dd>
          <dt className="text-slate-600">{t("date")}</dt>
          <dd className="ltr-nums font-semibold">
            {formatReceivedAt(payment.receivedAt, locale, utility.timeZone)}
          </dd>
          <dt className="text-slate-600">{t("contract")}</dt>
          <dd className="ltr-nums font-mono font-semibold">
            <bdi>{maskContractNo(receipt.contract.contractNo)}</bdi>
          </dd>
        </dl>
      </Card>
      {payment.status === "refunded" || payment.refundedMinor > 0 ? (
        <Alert tone="warning">{t("refunded")}</Alert>
      ) : null}
    </div>
  );
}
