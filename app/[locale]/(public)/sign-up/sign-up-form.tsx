"use client";

import { useLocale, useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUpAction } from "./actions";

export function SignUpForm() {
  const t = useTranslations("forms.signUp");
  const locale = useLocale();
  const { form, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    signUpSchema,
    signUpAction,
    { locale },
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" {...form.register("locale")} value={locale} />
      <Field
        id="name"
        autoComplete="name"
        label={t("name")}
        error={fieldError("name")}
        {...form.register("name")}
      />
      <Field
        id="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        dir="ltr"
        label={t("email")}
        error={fieldError("email")}
        {...form.register("email")}
      />
      <Field
        id="phone"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        dir="ltr"
        label={t("phone")}
        hint={t("phoneHint")}
        error={fieldError("phone")}
        {...form.register("phone")}
      />
      <Field
        id="password"
        type="password"
        autoComplete="new-password"
        dir="ltr"
        label={t("password")}
        hint={t("passwordHint")}
        error={fieldError("password")}
        {...form.register("password")}
      />
      <Field
        id="confirmPassword"
        type="password"
        autoComplete="new-password"
        dir="ltr"
        label={t("confirmPassword")}
        error={fieldError("confirmPassword")}
        {...form.register("confirmPassword")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
