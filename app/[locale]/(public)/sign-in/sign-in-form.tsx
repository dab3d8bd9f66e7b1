"use client";

import { useTranslations } from "next-intl";
import { useServerForm } from "@/components/forms/use-server-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signInSchema } from "@/lib/auth/schemas";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("forms.signIn");
  const { form, pending, onSubmit, formAction, fieldError, formError } = useServerForm(
    signInSchema,
    signInAction,
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field
        id="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        dir="ltr"
        label={t("email")}
        error={fieldError("email")}
        {...form.register("email")}
      />
      <Field
        id="password"
        type="password"
        autoComplete="current-password"
        dir="ltr"
        label={t("password")}
        error={fieldError("password")}
        {...form.register("password")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
