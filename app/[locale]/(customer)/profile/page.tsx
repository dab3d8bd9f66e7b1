import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { isLocale } from "@/lib/i18n/locales";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forms.profile"))("title") };
}

export default async function ProfilePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const t = await getTranslations("forms");
  const { saved } = await searchParams;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <PageTitle lead={<span className="ltr-nums">{user.email}</span>}>
        {t("profile.title")}
      </PageTitle>
      <Card>
        <ProfileForm
          defaults={{ name: user.name, phone: user.phone ?? "", locale: user.locale }}
          saved={saved === "1"}
        />
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-bold">{t("changePassword.title")}</h2>
        <PasswordForm />
      </Card>
    </div>
  );
}
