"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { linkContractSchema } from "@/lib/contracts/schemas";
import { linkContractAction } from "./actions";

export function LinkContractForm() {
  const t = useTranslations("forms.linkContract");
  const { form, state, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    linkContractSchema,
    linkContractAction,
  );
  useEffect(() => {
    if (state.status === "ok") form.reset({ contractNo: "", proof: "" });
  }, [state, form]);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state.status === "ok" ? (
        <Alert tone="success">
          {t(state.notice === "alreadyLinked" ? "alreadyLinked" : "linked")}
        </Alert>
      ) : null}
      <Field
        id="contractNo"
        inputMode="numeric"
        autoComplete="off"
        dir="ltr"
        label={t("contractNo")}
        hint={t("contractNoHint")}
        error={fieldError("contractNo")}
        {...form.register("contractNo")}
      />
      <Field
        id="proof"
        autoComplete="off"
        dir="ltr"
        label={t("proof")}
        hint={t("proofHint")}
        error={fieldError("proof")}
        {...form.register("proof")}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
