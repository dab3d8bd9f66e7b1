"use client";

import { useErrorMessages } from "@/components/forms/use-error-messages";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { MAX_IMAGE_BYTES } from "@/lib/files/limits";
import { ReadingReceipt } from "./reading-receipt";

export type ReadingFormMeter = {
  contractNo: string;
  serial: string;
  unit: string;
  registers: {
    name: "single" | "day" | "night" | "peak";
    label: string;
    previous: string | null;
  }[];
};

/**
 * The self-reading form: one index per register, an optional photo, and the receipt in place
 * of the form once the reading is stored. The same hidden key on a double click or a retry
 * makes the server store one reading.
 */
export function ReadingForm({
  action,
  meter,
  idempotencyKey,
  withPhoto = true,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  meter: ReadingFormMeter;
  idempotencyKey: string;
  withPhoto?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  // A photo over the limit would be cut off by the server's body limit before our code could
  // answer; say so here, in the customer's language, and keep it off the wire.
  const [photoTooLarge, setPhotoTooLarge] = useState(false);
  const t = useTranslations("readings");
  const messages = useErrorMessages();
  const fieldError = (name: string) => {
    const key = state.status === "error" ? state.fields?.[name] : undefined;
    return messages.field(key);
  };

  if (state.status === "ok" && state.values?.receiptNo) {
    return <ReadingReceipt values={state.values} notice={state.notice} unit={meter.unit} />;
  }

  const formError =
    state.status === "error" &&
    state.formError &&
    !Object.keys(state.fields ?? {}).some((k) => k.startsWith("index_") || k === "photo")
      ? messages.form(state.formError)
      : undefined;
  const otherFieldErrors =
    state.status === "error"
      ? Object.entries(state.fields ?? {}).filter(([k]) => !k.startsWith("index_") && k !== "photo")
      : [];

  return (
    <form action={formAction} className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {otherFieldErrors.length ? (
        <Alert tone="error">
          {otherFieldErrors.map(([k, key]) => (
            <p key={k}>{messages.field(key)}</p>
          ))}
        </Alert>
      ) : null}
      <input type="hidden" name="contractNo" value={meter.contractNo} />
      <input type="hidden" name="meterSerial" value={meter.serial} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {meter.registers.map((r) => (
        <Field
          key={r.name}
          id={`index_${r.name}`}
          name={`index_${r.name}`}
          inputMode="numeric"
          autoComplete="off"
          dir="ltr"
          required
          maxLength={40}
          label={
            meter.registers.length > 1 ? t("indexRegister", { register: r.label }) : t("index")
          }
          hint={r.previous ?? t("indexHint")}
          error={fieldError(`index_${r.name}`)}
          className="min-h-12 rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-xl tracking-widest"
        />
      ))}
      {withPhoto ? (
        <Field
          id="photo"
          name="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          label={t("photo")}
          hint={t("photoHint")}
          error={photoTooLarge ? messages.field("photoTooLarge") : fieldError("photo")}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            const tooLarge = Boolean(file && file.size > MAX_IMAGE_BYTES);
            setPhotoTooLarge(tooLarge);
            if (tooLarge) event.currentTarget.value = "";
          }}
        />
      ) : null}
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
