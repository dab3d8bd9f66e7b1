"use client";

import { useLocale, useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { forgotPasswordSchema } from "@/lib/auth/schemas";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("forms.forgotPassword");
  const locale = useLocale();
  const { form, state, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    forgotPasswordSchema,
    forgotPasswordAction,
    { locale },
  );
  if (state.status === "ok") return <Alert tone="success">{t("sent")}</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" {...form.register("locale")} value={locale} />
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
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
