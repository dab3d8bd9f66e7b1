"use client";

import { useErrorMessages } from "@/components/forms/use-error-messages";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ReadingReceipt } from "@/components/readings/reading-receipt";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { IDLE } from "@/lib/actions/form-state";
import { guestReadingAction } from "./actions";

export function GuestReadingForm({ idempotencyKey }: { idempotencyKey: string }) {
  const [state, formAction, pending] = useActionState(guestReadingAction, IDLE);
  const t = useTranslations("readings");
  const tl = useTranslations("forms.linkContract");
  const messages = useErrorMessages();
  if (state.status === "ok" && state.values?.receiptNo)
    return <ReadingReceipt values={state.values} notice={state.notice} unit="" />;
  const fieldError = (name: string) => {
    const key = state.status === "error" ? state.fields?.[name] : undefined;
    return messages.field(key);
  };
  const formError =
    state.status === "error" && state.formError ? messages.form(state.formError) : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {formError ? (
        <Alert tone="error">
          {state.status === "error" && state.fields?.readings === "required"
            ? t("guestMultiRate")
            : formError}
        </Alert>
      ) : null}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field
        id="contractNo"
        name="contractNo"
        inputMode="numeric"
        dir="ltr"
        required
        maxLength={40}
        defaultValue={values?.contractNo}
        label={tl("contractNo")}
        hint={tl("contractNoHint")}
        error={fieldError("contractNo")}
      />
      <Field
        id="meterSerial"
        name="meterSerial"
        dir="ltr"
        required
        maxLength={40}
        defaultValue={values?.meterSerial}
        label={t("serial")}
        hint={tl("proofHint")}
        error={fieldError("meterSerial")}
      />
      <Field
        id="index_single"
        name="index_single"
        inputMode="numeric"
        dir="ltr"
        required
        maxLength={40}
        label={t("index")}
        hint={t("indexHint")}
        error={fieldError("index_single")}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
