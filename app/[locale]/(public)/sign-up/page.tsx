import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forms.signUp"))("title") };
}

export default async function SignUpPage() {
  const t = await getTranslations("forms.signUp");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card className="flex flex-col gap-4">
        <SignUpForm />
        <p className="text-sm">
          <Link href="/sign-in" className="font-semibold text-brand-700 underline">
            {t("haveAccount")}
          </Link>
        </p>
      </Card>
    </div>
  );
}
