"use client";

import { startTransition, useActionState, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatMinor } from "./money";
import type { Locale } from "@/lib/i18n/locales";
import type { PayFormState } from "@/lib/payments/actions";
import { usePaymentErrors } from "./use-payment-errors";

export type PayableBill = { id: string; billNo: string; period: string; dueMinor: number };

const IDLE: PayFormState = { status: "idle" };

/**
 * Choose bills (all ticked, oldest first), see the total, optionally type another amount, pay.
 * A plain form posting to a server action: without JavaScript it still works, the total shown
 * is then that of every bill. `single` is the bill page's one-button variant.
 */
export function PayBillsForm({
  action,
  bills,
  currency,
  locale,
  token,
  hidden = {},
  single = false,
  testId = "pay-form",
}: {
  action: (prev: PayFormState, formData: FormData) => Promise<PayFormState>;
  bills: PayableBill[];
  currency: string;
  locale: Locale;
  token: string;
  hidden?: Record<string, string>;
  single?: boolean;
  testId?: string;
}) {
  const t = useTranslations("payments.pay");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = usePaymentErrors()(state);
  const [ticked, setTicked] = useState(() => new Set(bills.map((b) => b.id)));
  const total = useMemo(
    () => bills.filter((b) => ticked.has(b.id)).reduce((s, b) => s + b.dueMinor, 0),
    [bills, ticked],
  );
  const toggle = (id: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form
      action={formAction}
      // A refused amount stays in its field to be corrected (React resets a form after its
      // action); without JavaScript the form still posts.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="flex flex-col gap-3"
      data-testid={testId}
    >
      <input type="hidden" name="token" value={token} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {errors.length ? (
        <Alert tone="error">
          {errors.length === 1 ? (
            errors[0]
          ) : (
            <ul className="list-disc ps-5">
              {errors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </Alert>
      ) : null}
      {single ? (
        bills.map((b) => <input key={b.id} type="hidden" name="bill" value={b.id} />)
      ) : (
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">{t("lead")}</legend>
          {bills.map((b) => (
            <label
              key={b.id}
              className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-200 px-3 py-2"
            >
              <input
                type="checkbox"
                name="bill"
                value={b.id}
                checked={ticked.has(b.id)}
                onChange={(e) => toggle(b.id, e.target.checked)}
                className="size-5"
                data-bill-no={b.billNo}
              />
              <span className="flex flex-1 flex-wrap justify-between gap-x-3">
                <span>
                  <span className="ltr-nums font-mono text-sm font-semibold">{b.billNo}</span>{" "}
                  <span className="text-sm text-slate-600">{b.period}</span>
                </span>
                <bdi className="ltr-nums font-semibold">
                  {formatMinor(b.dueMinor, currency, locale)}
                </bdi>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {!single ? (
        <p className="font-semibold" data-testid="pay-total">
          {t("total")}: <bdi className="ltr-nums">{formatMinor(total, currency, locale)}</bdi>
        </p>
      ) : null}
      {!single ? (
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t("amount")}
          <input
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            maxLength={40}
            dir="ltr"
            className="min-h-11 max-w-48 rounded-lg border border-slate-300 px-3 text-start"
          />
          <span className="font-normal text-slate-600">{t("amountHelp")}</span>
        </label>
      ) : null}
      <Button
        type="submit"
        disabled={pending || (!single && ticked.size === 0)}
        className="self-start"
        data-testid={`${testId}-submit`}
      >
        {single ? t("payBill") : t("submit")}
      </Button>
    </form>
  );
}
