"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/actions/form-state";

const COMPACT = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** How a back-office domain words its field errors (billing, payments): see AdminForm. */
export type FieldErrorWording = {
  /** An error key → its message. */
  message: (key: string) => string;
  /** A field name → its label, or null for a form-level error. */
  label: (name: string) => string | null;
  /** "Block 3: blocks overlap". */
  format: (field: string, message: string) => string;
};

/**
 * A configuration form whose fields the server renders. Unlike ActionForm it keeps what was
 * typed when the server refuses it (a long rule should not be typed twice), names the field
 * of each error, and looks messages up under `admin.validation` before `validation` (or in a
 * domain's own catalogue, through `wording`). Without JavaScript it still posts to the action.
 */
export function AdminForm({
  action,
  submitLabel,
  submitAriaLabel,
  successText,
  labels,
  resetOnSuccess = false,
  variant = "primary",
  compact = false,
  className = "flex flex-col gap-4",
  testId,
  wording,
  afterSuccess,
  children,
}: {
  action: Action;
  submitLabel: ReactNode;
  submitAriaLabel?: string;
  successText?: string;
  /** Field name → label, so that "Keywords: at most 30" says which field. */
  labels?: Record<string, string>;
  resetOnSuccess?: boolean;
  variant?: "primary" | "secondary" | "danger";
  /** A small button-only form (move, activate, remove). */
  compact?: boolean;
  className?: string;
  testId?: string;
  /** A domain's own messages and field labels instead of the admin ones. */
  wording?: FieldErrorWording;
  /** Shown after a success, from what the action returned (a new key shown once). */
  afterSuccess?: (values: Record<string, string>) => ReactNode;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const ref = useRef<HTMLFormElement>(null);
  const te = useTranslations("errors");
  const tv = useTranslations("validation");
  const ta = useTranslations("admin.validation");
  const tf = useTranslations("admin.form");

  useEffect(() => {
    if (state.status === "ok" && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);

  const message =
    wording?.message ??
    ((key: string) =>
      ta.has(key as never)
        ? ta(key as never)
        : tv.has(key as never)
          ? tv(key as never)
          : tv("invalid"));
  const label = wording?.label ?? ((name: string) => labels?.[name] ?? null);
  const format =
    wording?.format ??
    ((field: string, text: string) => tf("fieldError", { field, message: text }));
  const fields = state.status === "error" ? Object.entries(state.fields ?? {}) : [];
  // A refusal of the whole form ("the catch-all cannot be deleted") is one sentence on its own.
  const onlyFormLevel = fields.length > 0 && fields.every(([name]) => name === "_form");
  const heading =
    state.status === "error" && !onlyFormLevel
      ? te.has((state.formError ?? "VALIDATION_FAILED") as never)
        ? te((state.formError ?? "VALIDATION_FAILED") as never)
        : te("INTERNAL")
      : null;

  return (
    <form
      ref={ref}
      action={formAction}
      // Submitting through a transition, not the form's own action, keeps the typed values when
      // the server answers with errors (React resets a form after its action completes).
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className={className}
      data-testid={testId}
    >
      {state.status === "ok" && successText ? <Alert tone="success">{successText}</Alert> : null}
      {state.status === "ok" && afterSuccess ? afterSuccess(state.values ?? {}) : null}
      {state.status === "error" ? (
        <Alert tone="error">
          {heading}
          {fields.length ? (
            <ul className={heading ? "mt-1 list-disc ps-5" : "list-none"}>
              {fields.map(([name, key]) => {
                const field = label(name);
                return <li key={name}>{field ? format(field, message(key)) : message(key)}</li>;
              })}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {children}
      {compact ? (
        <button
          type="submit"
          disabled={pending}
          aria-label={submitAriaLabel}
          title={submitAriaLabel}
          className={`${COMPACT[variant]} inline-flex min-h-10 min-w-10 items-center justify-center gap-1 self-start rounded-lg px-3 py-1.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:cursor-not-allowed disabled:opacity-60`}
        >
          {submitLabel}
        </button>
      ) : (
        <Button
          type="submit"
          variant={variant}
          disabled={pending}
          aria-label={submitAriaLabel}
          className="self-start"
        >
          {submitLabel}
        </Button>
      )}
    </form>
  );
}
