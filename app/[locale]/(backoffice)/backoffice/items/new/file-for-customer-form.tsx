"use client";

import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { COMMERCIAL, TECHNICAL, staffComplaintSchema } from "@/lib/complaints/schemas";
import { fileForCustomerAction } from "../actions";

const selectClass = "min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";

export function FileForCustomerForm({ idempotencyKey }: { idempotencyKey: string }) {
  const t = useTranslations("forms.complaint");
  const tn = useTranslations("forms.staffComplaint");
  const tc = useTranslations("complaints.category");
  const { form, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    staffComplaintSchema,
    fileForCustomerAction,
    { channel: "phone", idempotencyKey },
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" {...form.register("idempotencyKey")} />
      <Field id="channel" label={tn("channel")} error={fieldError("channel")}>
        <select id="channel" className={selectClass} {...form.register("channel")}>
          <option value="phone">{tn("phone")}</option>
          <option value="counter">{tn("counter")}</option>
          <option value="email">{tn("email")}</option>
        </select>
      </Field>
      <Field
        id="contractNo"
        inputMode="numeric"
        dir="ltr"
        label={t("contractNo")}
        error={fieldError("contractNo")}
        {...form.register("contractNo")}
      />
      <Field
        id="callerName"
        label={tn("callerName")}
        error={fieldError("callerName")}
        {...form.register("callerName")}
      />
      <Field
        id="callerPhone"
        type="tel"
        dir="ltr"
        label={tn("callerPhone")}
        error={fieldError("callerPhone")}
        {...form.register("callerPhone")}
      />
      <Field id="category" label={t("category")} error={fieldError("category")}>
        <select
          id="category"
          className={selectClass}
          defaultValue=""
          {...form.register("category")}
        >
          <option value="" disabled>
            —
          </option>
          {[...TECHNICAL, ...COMMERCIAL, "other" as const].map((c) => (
            <option key={c} value={c}>
              {tc(c)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="description"
        label={t("description")}
        hint={t("descriptionHint")}
        error={fieldError("description")}
      >
        <textarea
          id="description"
          rows={5}
          maxLength={4000}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
          {...form.register("description")}
        />
      </Field>
      <Field
        id="location"
        label={t("location")}
        error={fieldError("location")}
        {...form.register("location")}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {tn("submit")}
      </Button>
    </form>
  );
}
