"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * A payments back-office form whose fields the server renders. Errors name their field
 * ("Amount: too many decimals for this currency"); a value the action returns under `reveal`
 * (a new partner key) is shown once, selectable. Works without JavaScript.
 */
export function PaymentsForm({
  action,
  submitLabel,
  successText,
  revealLabel,
  variant = "primary",
  resetOnSuccess = false,
  className = "flex flex-col gap-4",
  testId,
  children,
}: {
  action: Action;
  submitLabel: ReactNode;
  successText?: string;
  /** The label of `values.reveal` shown after success. */
  revealLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  resetOnSuccess?: boolean;
  className?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const ref = useRef<HTMLFormElement>(null);
  // A form that creates something is emptied once it did, so a second click creates nothing.
  useEffect(() => {
    if (state.status === "ok" && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const te = useTranslations("errors");
  const tp = useTranslations("paymentsAdmin.errors");
  const tf = useTranslations("paymentsAdmin.fields");

  const message = (key: string) => (tp.has(key as never) ? tp(key as never) : tp("invalid"));
  const fields = state.status === "error" ? Object.entries(state.fields ?? {}) : [];
  const onlyFormLevel = fields.length > 0 && fields.every(([name]) => name === "_form");
  const code = state.status === "error" ? (state.formError ?? "VALIDATION_FAILED") : null;
  const heading =
    code && !onlyFormLevel ? (te.has(code as never) ? te(code as never) : te("INTERNAL")) : null;
  const revealed = state.status === "ok" ? state.values?.reveal : undefined;

  return (
    <form
      ref={ref}
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className={className}
      data-testid={testId}
    >
      {state.status === "ok" && successText ? <Alert tone="success">{successText}</Alert> : null}
      {revealed && revealLabel ? (
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {revealLabel}
          <textarea
            readOnly
            value={revealed}
            dir="ltr"
            rows={2}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full resize-none rounded-lg border border-emerald-400 bg-emerald-50 px-3 py-2 font-mono text-sm break-all"
            data-testid="revealed-key"
          />
        </label>
      ) : null}
      {state.status === "error" ? (
        <Alert tone="error">
          {heading}
          {fields.length ? (
            <ul className={heading ? "mt-1 list-disc ps-5" : "list-none"}>
              {fields.map(([name, key]) => (
                <li key={name}>
                  {name !== "_form" && tf.has(name as never)
                    ? tf("fieldError", { field: tf(name as never), message: message(key) })
                    : message(key)}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {children}
      <Button type="submit" variant={variant} disabled={pending} className="self-start">
        {submitLabel}
      </Button>
    </form>
  );
}
