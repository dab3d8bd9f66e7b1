"use client";

import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const t = useTranslations("forms.changePassword");
  const { form, state, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    changePasswordSchema,
    changePasswordAction,
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state.status === "ok" ? <Alert tone="success">{t("changed")}</Alert> : null}
      <Field
        id="currentPassword"
        type="password"
        autoComplete="current-password"
        dir="ltr"
        label={t("current")}
        error={fieldError("currentPassword")}
        {...form.register("currentPassword")}
      />
      <Field
        id="newPassword"
        type="password"
        autoComplete="new-password"
        dir="ltr"
        label={t("password")}
        hint={t("passwordHint")}
        error={fieldError("password")}
        {...form.register("password")}
      />
      <Field
        id="confirmNewPassword"
        type="password"
        autoComplete="new-password"
        dir="ltr"
        label={t("confirmPassword")}
        error={fieldError("confirmPassword")}
        {...form.register("confirmPassword")}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
