"use client";

import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { profileSchema } from "@/lib/auth/schemas";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { updateProfileAction } from "./actions";

export function ProfileForm({
  defaults,
  saved,
}: {
  defaults: { name: string; phone: string; locale: Locale };
  saved: boolean;
}) {
  const t = useTranslations("forms.profile");
  const { form, state, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    profileSchema,
    updateProfileAction,
    defaults,
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state.status === "ok" || (saved && state.status === "idle") ? (
        <Alert tone="success">{t("saved")}</Alert>
      ) : null}
      <Field
        id="name"
        autoComplete="name"
        label={t("name")}
        error={fieldError("name")}
        {...form.register("name")}
      />
      <Field
        id="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        dir="ltr"
        label={t("phone")}
        error={fieldError("phone")}
        {...form.register("phone")}
      />
      <Field
        id="locale"
        label={t("language")}
        hint={t("languageHint")}
        error={fieldError("locale")}
      >
        <select
          id="locale"
          className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
          {...form.register("locale")}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
