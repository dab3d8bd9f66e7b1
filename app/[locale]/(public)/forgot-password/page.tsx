import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { ForgotPasswordForm } from "./forgot-password-form";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forms.forgotPassword");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <ForgotPasswordForm />
      </Card>
    </div>
  );
}
