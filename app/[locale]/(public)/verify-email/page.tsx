import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { VerifyEmailForm } from "./verify-email-form";

/**
 * The e-mailed link opens this page; a button (a POST) spends the token, so that link
 * scanners in mail servers, which only GET, cannot verify an address on their own.
 */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const t = await getTranslations("forms.verifyEmail");
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      <Card className="flex flex-col gap-4">
        {typeof token === "string" && token ? (
          <VerifyEmailForm token={token} />
        ) : (
          <>
            <Alert tone="error">{t("missing")}</Alert>
            <Link href="/sign-in" className={buttonClass("secondary")}>
              {t("toSignIn")}
            </Link>
          </>
        )}
      </Card>
    </div>
  );
}
