import type { Metadata } from "next";
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
 * contract number; every other case gets the same "not genuine" answer, rendered on the server.
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
  const [t, utility] = await Promise.all([getTranslations("receipts.verify"), getCurrentUtility()]);
  const receipt =
    isReceiptNo(receiptNo) && typeof sig === "string"
      ? await getReceiptByNumber(getDb(), receiptNo)
      : null;
  if (!receipt || !verifyReceiptSignature(receiptSignedFields(receipt), sig as string)) {
    // Unknown number, missing or wrong signature: one answer, so the page tells a forger nothing.
    return (
      <div className="mx-auto flex max-w-xl flex-col gap-4">
        <PageTitle>{t("title")}</PageTitle>
        <Alert tone="error">
          <p className="text-base font-bold" data-testid="receipt-not-genuine">
            ✗ {t("notGenuine")}
          </p>
          <p>{t("notGenuineLead")}</p>
        </Alert>
      </div>
    );
  }
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
          <dd className="font-mono font-semibold">
            <bdi className="ltr-nums">{payment.receiptNo}</bdi>
          </dd>
          <dt className="text-slate-600">{t("amount")}</dt>
          <dd className="text-lg font-bold">
            <bdi className="ltr-nums">
              {formatMoney(payment.amountMinor, payment.currency, locale)}
            </bdi>
          </dd>
          <dt className="text-slate-600">{t("date")}</dt>
          <dd className="font-semibold">
            <bdi>{formatReceivedAt(payment.receivedAt, locale, utility.timeZone)}</bdi>
          </dd>
          <dt className="text-slate-600">{t("contract")}</dt>
          <dd className="font-mono font-semibold">
            <bdi className="ltr-nums">{maskContractNo(receipt.contract.contractNo)}</bdi>
          </dd>
        </dl>
      </Card>
      {payment.status === "refunded" || payment.refundedMinor > 0 ? (
        <Alert tone="warning">{t("refunded")}</Alert>
      ) : null}
    </div>
  );
}
