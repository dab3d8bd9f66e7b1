"use client";

import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { COMMERCIAL, TECHNICAL, complaintSchema } from "@/lib/complaints/schemas";
import { fileComplaintAction } from "../actions";

const selectClass = "min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";

export function ComplaintForm({
  contracts,
  idempotencyKey,
}: {
  contracts: { contractNo: string; label: string }[];
  idempotencyKey: string;
}) {
  const t = useTranslations("forms.complaint");
  const tc = useTranslations("complaints.category");
  const { form, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    complaintSchema,
    fileComplaintAction,
    {
      contractNo: contracts[0]?.contractNo ?? "",
      idempotencyKey,
    },
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {/* The same key on a double click or a retry: the server files once. */}
      <input type="hidden" {...form.register("idempotencyKey")} />
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
          <optgroup label={t("technical")}>
            {TECHNICAL.map((c) => (
              <option key={c} value={c}>
                {tc(c)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("commercial")}>
            {[...COMMERCIAL, "other" as const].map((c) => (
              <option key={c} value={c}>
                {tc(c)}
              </option>
            ))}
          </optgroup>
        </select>
      </Field>
      <Field id="contractNo" label={t("contractNo")} error={fieldError("contractNo")}>
        <select id="contractNo" className={selectClass} {...form.register("contractNo")}>
          {contracts.map((c) => (
            <option key={c.contractNo} value={c.contractNo}>
              {c.label}
            </option>
          ))}
          <option value="">{t("noContract")}</option>
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
          aria-describedby="description-hint"
          {...form.register("description")}
        />
      </Field>
      <Field
        id="photo"
        type="file"
        name="photo"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        label={t("photo")}
        hint={t("photoHint")}
        error={fieldError("photo" as never)}
      />
      <Field
        id="location"
        label={t("location")}
        hint={t("locationHint")}
        error={fieldError("location")}
        {...form.register("location")}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
