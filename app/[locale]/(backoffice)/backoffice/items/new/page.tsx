import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isLocale } from "@/lib/i18n/locales";
import { FileForCustomerForm } from "./file-for-customer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.newItem"))("title") };
}

export default async function FileForCustomerPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale: raw } = await params;
  await requireStaffPage(isLocale(raw) ? raw : "ar", rolesFor("newItem"));
  const t = await getTranslations("backoffice.newItem");
  return (
    <div className="max-w-xl">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <FileForCustomerForm idempotencyKey={randomUUID()} />
      </Card>
    </div>
  );
}
