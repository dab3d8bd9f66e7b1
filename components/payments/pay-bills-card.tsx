import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { PayBillsForm } from "@/components/payments/pay-bills-form";
import { PaymentsIntl } from "@/components/payments/payments-intl";
import { Card } from "@/components/ui/card";
import { formatPeriod } from "@/lib/billing/present";
import type { BillSummary } from "@/lib/billing/queries";
import type { Locale } from "@/lib/i18n/locales";
import { payBillsAction } from "@/lib/payments/actions";

/** A fresh one-time token per form shown: a double click or a resubmission is one checkout. */
export function formToken(): string {
  return randomUUID().replaceAll("-", "");
}

/**
 * "Pay online" on the bills page: one form per contract (a payment settles one contract's
 * bills), its open bills oldest first, all ticked.
 */
export async function PayBillsCard({ bills, locale }: { bills: BillSummary[]; locale: Locale }) {
  const open = bills
    .filter((b) => b.status === "issued" && b.amountDueMinor > 0)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.billNo.localeCompare(b.billNo));
  if (!open.length) return null;
  const byContract = new Map<string, BillSummary[]>();
  for (const b of open) byContract.set(b.contractNo, [...(byContract.get(b.contractNo) ?? []), b]);
  const t = await getTranslations("payments.pay");
  const tb = await getTranslations("billing");
  return (
    <Card>
      <h2 className="text-lg font-bold">{t("title")}</h2>
      <p className="mb-4 text-slate-600">{t("lead")}</p>
      <div className="flex flex-col gap-6">
        {[...byContract].map(([contractNo, list]) => (
          <section
            key={contractNo}
            className="flex flex-col gap-2"
            data-testid="pay-contract"
            data-contract-no={contractNo}
          >
            <h3 className="font-semibold">
              {tb(`service.${list[0]!.service}`)} ·{" "}
              {/* Not in a monospaced left-to-right run: the word "العقد" is part of it. */}
              <span>{t("contract", { contractNo })}</span>
            </h3>
            <PaymentsIntl locale={locale}>
              <PayBillsForm
                action={payBillsAction}
                bills={list.map((b) => ({
                  id: b.id,
                  billNo: b.billNo,
                  period: formatPeriod(b.periodStart, b.periodEnd, locale),
                  dueMinor: b.amountDueMinor,
                }))}
                currency={list[0]!.currency}
                locale={locale}
                token={formToken()}
                testId={`pay-form-${contractNo}`}
              />
            </PaymentsIntl>
          </section>
        ))}
      </div>
    </Card>
  );
}

/** "Pay this bill" on a bill's page. */
export function PayBillButton({ bill, locale }: { bill: BillSummary; locale: Locale }) {
  if (bill.status !== "issued" || bill.amountDueMinor <= 0) return null;
  return (
    <PaymentsIntl locale={locale}>
      <PayBillsForm
        action={payBillsAction}
        bills={[{ id: bill.id, billNo: bill.billNo, period: "", dueMinor: bill.amountDueMinor }]}
        currency={bill.currency}
        locale={locale}
        token={formToken()}
        single
        testId="pay-bill"
      />
    </PaymentsIntl>
  );
}
