"use client";

import { useTranslations } from "next-intl";
import { useErrorMessages } from "@/components/forms/use-error-messages";
import { useServerForm } from "@/components/forms/use-server-form";
import { useProofOfWork } from "@/components/registry/use-proof-of-work";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import {
  MESSAGE_MAX,
  REGISTRY_CATEGORIES,
  SUBJECT_MAX,
  depositSchema,
} from "@/lib/registry/schemas";
import { depositLetterAction } from "../actions";

const control =
  "min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-600";

export function DepositForm({
  idempotencyKey,
  challenge,
  defaults,
}: {
  idempotencyKey: string;
  challenge: string | null;
  defaults: { senderName: string; email: string; phone: string };
}) {
  const t = useTranslations("registry.deposit");
  const tc = useTranslations("registry.category");
  const messages = useErrorMessages();
  const { form, state, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    depositSchema,
    depositLetterAction,
    { ...defaults, idempotencyKey, category: undefined, consent: undefined },
  );
  const nonce = useProofOfWork(challenge);
  const ready = !challenge || nonce !== null;
  // Errors the schema in the browser cannot know: files, the proof of work, rate limits.
  const serverField = (name: "attachments" | "proof") =>
    messages.field(state.status === "error" ? state.fields?.[name] : undefined);
  const invalid = (name: Parameters<typeof fieldError>[0]) => (fieldError(name) ? true : undefined);
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      encType="multipart/form-data"
      className="flex flex-col gap-5"
    >
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {serverField("proof") ? <Alert tone="error">{serverField("proof")}</Alert> : null}
      {/* The same key on a double click or a retry: the server files once. */}
      <input type="hidden" {...form.register("idempotencyKey")} />
      {challenge ? (
        <>
          <input type="hidden" name="challenge" value={challenge} />
          <input type="hidden" name="nonce" value={nonce ?? ""} />
        </>
      ) : null}

      <fieldset className="flex min-w-0 flex-col gap-4">
        <legend className="mb-2 text-lg font-bold">{t("sender")}</legend>
        <Field
          id="senderName"
          label={t("senderName")}
          autoComplete="name"
          error={fieldError("senderName")}
          aria-invalid={invalid("senderName")}
          {...form.register("senderName")}
        />
        <Field
          id="nationalId"
          label={t("nationalId")}
          hint={t("nationalIdHint")}
          dir="ltr"
          autoComplete="off"
          className={`${control} uppercase`}
          error={fieldError("nationalId")}
          {...form.register("nationalId")}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field
            id="email"
            type="email"
            label={t("email")}
            dir="ltr"
            autoComplete="email"
            error={fieldError("email")}
            {...form.register("email")}
          />
          <Field
            id="phone"
            type="tel"
            label={t("phone")}
            dir="ltr"
            autoComplete="tel"
            error={fieldError("phone")}
            {...form.register("phone")}
          />
        </div>
        <p className="-mt-2 text-sm text-slate-600">{t("contactHint")}</p>
        <Field
          id="contractNo"
          label={t("contractNo")}
          dir="ltr"
          inputMode="numeric"
          error={fieldError("contractNo")}
          {...form.register("contractNo")}
        />
      </fieldset>

      <fieldset className="flex min-w-0 flex-col gap-4">
        <legend className="mb-2 text-lg font-bold">{t("letter")}</legend>
        <Field id="category" label={t("category")} error={fieldError("category")}>
          <select
            id="category"
            className={control}
            defaultValue=""
            aria-invalid={invalid("category")}
            {...form.register("category")}
          >
            <option value="" disabled>
              —
            </option>
            {REGISTRY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tc(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="subject"
          label={t("subject")}
          maxLength={SUBJECT_MAX}
          error={fieldError("subject")}
          {...form.register("subject")}
        />
        <Field
          id="message"
          label={t("message")}
          hint={t("messageHint", { max: MESSAGE_MAX })}
          error={fieldError("message")}
        >
          <textarea
            id="message"
            rows={8}
            dir="auto"
            className={control}
            aria-invalid={invalid("message")}
            aria-describedby="message-hint"
            {...form.register("message")}
          />
        </Field>
        <Field
          id="attachments"
          type="file"
          name="attachments"
          multiple
          accept="application/pdf,image/jpeg,image/png"
          label={t("attachments")}
          hint={t("attachmentsHint")}
          error={serverField("attachments")}
        />
      </fieldset>

      <div className="flex flex-col gap-1">
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            className="mt-1 size-5 shrink-0"
            aria-invalid={invalid("consent")}
            {...form.register("consent")}
          />
          <span>{t("consent")}</span>
        </label>
        {fieldError("consent") ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {fieldError("consent")}
          </p>
        ) : null}
      </div>

      {!ready ? (
        <p role="status" className="text-sm text-slate-600">
          {t("preparing")}
        </p>
      ) : null}
      <Button type="submit" disabled={pending || !ready} className="self-start">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
