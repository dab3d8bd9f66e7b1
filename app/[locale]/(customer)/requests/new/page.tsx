import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { listAccountContracts } from "@/lib/contracts/queries";
import { isLocale } from "@/lib/i18n/locales";
import { ComplaintForm } from "./complaint-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forms.complaint"))("title") };
}

export default async function NewRequestPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const [t, tc, contracts] = await Promise.all([
    getTranslations("forms.complaint"),
    getTranslations("contracts"),
    listAccountContracts(getDb(), { userId: user.id }),
  ]);
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <ComplaintForm
          idempotencyKey={randomUUID()}
          contracts={contracts.map((c) => ({
            contractNo: c.contractNo,
            label: `${tc(`service.${c.service}`)} · ${c.contractNo}`,
          }))}
        />
      </Card>
    </div>
  );
}
