"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { AdminForm } from "@/components/backoffice/admin-form";

/**
 * A payments back-office form: AdminForm with the payments catalogue's messages, errors that
 * name their field ("Amount: too many decimals for this currency"), and a value the action
 * returns under `reveal` (a new partner key) shown once, selectable.
 */
export function PaymentsForm({
  revealLabel,
  ...props
}: Omit<ComponentProps<typeof AdminForm>, "wording" | "labels" | "compact" | "afterSuccess"> & {
  /** The label of `values.reveal` shown after success. */
  revealLabel?: string;
}) {
  const tp = useTranslations("paymentsAdmin.errors");
  const tf = useTranslations("paymentsAdmin.fields");
  return (
    <AdminForm
      {...props}
      wording={{
        message: (key) => (tp.has(key as never) ? tp(key as never) : tp("invalid")),
        label: (name) => (name !== "_form" && tf.has(name as never) ? tf(name as never) : null),
        format: (field, message) => tf("fieldError", { field, message }),
      }}
      afterSuccess={(values) =>
        values.reveal && revealLabel ? (
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {revealLabel}
            <textarea
              readOnly
              value={values.reveal}
              dir="ltr"
              rows={2}
              onFocus={(e) => e.currentTarget.select()}
              className="w-full resize-none rounded-lg border border-emerald-400 bg-emerald-50 px-3 py-2 font-mono text-sm break-all"
              data-testid="revealed-key"
            />
          </label>
        ) : null
      }
    />
  );
}
