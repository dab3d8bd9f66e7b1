import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { ResetPasswordForm } from "./reset-password-form";

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const t = await getTranslations("forms.resetPassword");
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      <Card className="flex flex-col gap-4">
        {typeof token === "string" && token ? (
          <ResetPasswordForm token={token} />
        ) : (
          <>
            <Alert tone="error">{t("missing")}</Alert>
            <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
              {t("again")}
            </Link>
          </>
        )}
      </Card>
    </div>
  );
}
