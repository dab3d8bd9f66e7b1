"use client";

import { useErrorMessages } from "@/components/forms/use-error-messages";
import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/actions/form-state";

/**
 * A small server-action form whose fields are rendered by the server (no client schema):
 * one submit button, the server's errors in the reader's language, and a success notice.
 * Works without JavaScript.
 */
export function ActionForm({
  action,
  submitLabel,
  successText,
  children,
  variant = "primary",
  className = "flex flex-col gap-3",
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  successText?: string;
  children?: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const messages = useErrorMessages();
  const fieldErrors = state.status === "error" ? Object.values(state.fields ?? {}) : [];
  const formError =
    state.status === "error" && state.formError ? messages.form(state.formError) : null;
  return (
    <form action={formAction} className={className}>
      {state.status === "ok" && successText ? <Alert tone="success">{successText}</Alert> : null}
      {formError || fieldErrors.length ? (
        <Alert tone="error">
          {formError ?? messages.form("VALIDATION_FAILED")}
          {fieldErrors.length ? (
            <ul className="mt-1 list-disc ps-5">
              {fieldErrors.map((key, i) => (
                <li key={i}>{messages.field(key)}</li>
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
