"use client";

import { startTransition, useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";
import type { PayFormState, QuickPayState } from "@/lib/payments/actions";
import { PayBillsForm } from "./pay-bills-form";
import { usePaymentErrors } from "./use-payment-errors";

const IDLE: QuickPayState = { status: "idle" };

/**
 * Quick pay: the contract number and a bill's payment reference first; then only what is due
 * (bill numbers, periods, amounts — nothing else about the customer) and the pay form.
 */
export function QuickPayForm({
  lookup,
  start,
  locale,
  token,
}: {
  lookup: (prev: QuickPayState, formData: FormData) => Promise<QuickPayState>;
  start: (prev: PayFormState, formData: FormData) => Promise<PayFormState>;
  locale: Locale;
  token: string;
}) {
  const t = useTranslations("payments.quick");
  const [state, formAction, pending] = useActionState(lookup, IDLE);
  const errors = usePaymentErrors()(state);

  if (state.status === "found")
    return state.bills.length ? (
      <div className="flex flex-col gap-3" data-testid="quick-pay-found">
        <h2 className="text-lg font-bold">{t("amountDue")}</h2>
        <PayBillsForm
          action={start}
          bills={state.bills.map((b) => ({
            id: b.id,
            billNo: b.billNo,
            period: b.period,
            dueMinor: b.dueMinor,
          }))}
          currency={state.currency}
          locale={locale}
          token={token}
          hidden={{ contractNo: state.contractNo, paymentReference: state.paymentReference }}
          testId="quick-pay-form"
        />
      </div>
    ) : (
      <Alert tone="success">{t("nothingDue")}</Alert>
    );

  return (
    <form
      action={formAction}
      // Through a transition rather than the form's own action, so that a typo in the reference
      // does not clear the contract number too (React resets a form after its action); without
      // JavaScript the form still posts.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="flex flex-col gap-4"
      data-testid="quick-pay-lookup"
    >
      {errors.length ? <Alert tone="error">{errors.join(" ")}</Alert> : null}
      <label className="flex flex-col gap-1 font-semibold">
        {t("contractNo")}
        <input
          id="contractNo"
          name="contractNo"
          required
          maxLength={40}
          autoComplete="off"
          inputMode="numeric"
          dir="ltr"
          className="min-h-11 rounded-lg border border-slate-300 px-3 text-start"
        />
      </label>
      <label className="flex flex-col gap-1 font-semibold">
        {t("paymentReference")}
        <input
          id="paymentReference"
          name="paymentReference"
          required
          maxLength={40}
          autoComplete="off"
          inputMode="numeric"
          dir="ltr"
          className="min-h-11 rounded-lg border border-slate-300 px-3 text-start"
        />
        <span className="text-sm font-normal text-slate-600">{t("referenceHelp")}</span>
      </label>
      <Button type="submit" disabled={pending} className="self-start">
        {t("find")}
      </Button>
    </form>
  );
}
