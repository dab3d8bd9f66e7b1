"use client";

import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("forms.resetPassword");
  const { form, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    resetPasswordSchema,
    resetPasswordAction,
    { token },
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" {...form.register("token")} value={token} />
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
        {t("submit")}
      </Button>
    </form>
  );
}
