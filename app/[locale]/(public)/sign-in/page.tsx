import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forms.signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reset?: string; verified?: string }>;
}) {
  const t = await getTranslations("forms.signIn");
  const { callbackUrl, reset, verified } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card className="flex flex-col gap-4">
        {reset ? <Alert tone="success">{t("afterReset")}</Alert> : null}
        {verified ? <Alert tone="success">{t("afterVerify")}</Alert> : null}
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
        <div className="flex flex-wrap justify-between gap-2 text-sm">
          <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
            {t("forgot")}
          </Link>
          <Link href="/sign-up" className="font-semibold text-brand-700 underline">
            {t("noAccount")}
          </Link>
        </div>
      </Card>
    </div>
  );
}
