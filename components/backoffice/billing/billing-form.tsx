"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * A billing back-office form whose fields the server renders. Keeps what was typed when the
 * server refuses it, and names the field of each error ("Block 3: blocks overlap"), with the
 * messages of billingAdmin.errors before the shared ones. Works without JavaScript.
 */
export function BillingForm({
  action,
  submitLabel,
  successText,
  variant = "primary",
  resetOnSuccess = false,
  className = "flex flex-col gap-4",
  testId,
  children,
}: {
  action: Action;
  submitLabel: ReactNode;
  successText?: string;
  variant?: "primary" | "secondary" | "danger";
  resetOnSuccess?: boolean;
  className?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const ref = useRef<HTMLFormElement>(null);
  const te = useTranslations("errors");
  const tb = useTranslations("billingAdmin.errors");
  const tf = useTranslations("billingAdmin.fields");

  useEffect(() => {
    if (state.status === "ok" && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);

  const message = (key: string) => (tb.has(key as never) ? tb(key as never) : tb("invalid"));
  // "blocks.2.from" → "Block 3"; "vat.consumption" → "VAT"; unknown paths → "Definition".
  const label = (path: string): string | null => {
    if (path === "_form") return null;
    const [head, index] = path.split(".");
    const n = Number(index) + 1;
    if (head === "blocks" && n) return tf("block", { n });
    if (head === "surcharges" && n) return tf("surcharge", { n });
    if (head === "fixedCharges" && n) return tf("fixedCharge", { n });
    if (head === "statutoryTaxes" && n) return tf("statutoryTax", { n });
    if (head && tf.has(head as never)) return tf(head as never);
    return tf("definition");
  };
  const fields = state.status === "error" ? Object.entries(state.fields ?? {}) : [];
  const onlyFormLevel = fields.length > 0 && fields.every(([name]) => name === "_form");
  const code = state.status === "error" ? (state.formError ?? "VALIDATION_FAILED") : null;
  const heading =
    code && !onlyFormLevel ? (te.has(code as never) ? te(code as never) : te("INTERNAL")) : null;

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
      {state.status === "error" ? (
        <Alert tone="error">
          {heading}
          {fields.length ? (
            <ul className={heading ? "mt-1 list-disc ps-5" : "list-none"}>
              {fields.map(([name, key]) => {
                const field = label(name);
                return (
                  <li key={name}>
                    {field ? tf("fieldError", { field, message: message(key) }) : message(key)}
                  </li>
                );
              })}
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
