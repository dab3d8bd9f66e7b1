import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accountContracts, users } from "@/db/schema";
import { formatMoney } from "@/lib/billing/present";
import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { enqueueEmail } from "@/lib/notify/outbox";
import { getUtility } from "@/lib/utility/get-utility";
import { canSignReceipts, receiptVerifyUrl } from "./receipt-signature";
import { formatReceivedAt, getReceipt, receiptSignedFields } from "./receipts";

/** Who gets a receipt by e-mail: the account that paid, else the contract's first linked one. */
async function receiptRecipient(
  tx: DbOrTx,
  payment: { userId: string | null; contractId: string },
): Promise<{ email: string; name: string } | null> {
  if (payment.userId) {
    const [payer] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, payment.userId));
    if (payer) return payer;
  }
  const [linked] = await tx
    .select({ email: users.email, name: users.name })
    .from(accountContracts)
    .innerJoin(users, eq(users.id, accountContracts.userId))
    .where(eq(accountContracts.contractId, payment.contractId))
    .orderBy(asc(accountContracts.linkedAt))
    .limit(1);
  return linked ?? null;
}

/**
 * Queue the receipt e-mail of a payment that just succeeded, in the caller's transaction: it
 * is sent exactly when the payment commits. In the payer's language (payments.locale), with the
 * signed verification link and the way to the PDF. Returns false when there is nobody to
 * write to (a quick payment by a guest on a contract no account has linked) or no receipt yet.
 */
export async function enqueueReceiptEmail(tx: DbOrTx, paymentId: string): Promise<boolean> {
  const receipt = await getReceipt(tx, { paymentId, access: "staff" });
  if (!receipt) return false;
  const { payment } = receipt;
  const to = await receiptRecipient(tx, payment);
  if (!to) return false;
  const locale: Locale = isLocale(payment.locale) ? payment.locale : "fr";
  const utility = await getUtility(tx);
  const historyLink = `${env().APP_URL}/${locale}/payments`;
  await enqueueEmail(tx, {
    to: to.email,
    locale,
    template: "paymentReceipt",
    params: {
      name: to.name,
      receiptNo: payment.receiptNo,
      amount: formatMoney(payment.amountMinor, payment.currency, locale),
      contractNo: receipt.contract.contractNo,
      receivedAt: formatReceivedAt(payment.receivedAt, locale, utility.timeZone),
      bills: receipt.bills.map((b) => b.billNo).join(", ") || "—",
      // Without a server secret (a bare test run) the e-mail still goes, with the account link.
      link: canSignReceipts()
        ? receiptVerifyUrl(locale, receiptSignedFields(receipt))
        : historyLink,
      historyLink,
    },
  });
  return true;
}
