"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE } from "@/lib/actions/form-state";
import { verifyEmailAction } from "./actions";

export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("forms.verifyEmail");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState(verifyEmailAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-4">
      {state.status === "error" ? (
        <Alert tone="error">{te("TOKEN_INVALID")}</Alert>
      ) : (
        <p>{t("lead")}</p>
      )}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
