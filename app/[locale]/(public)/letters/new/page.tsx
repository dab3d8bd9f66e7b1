import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/guards";
import { issueChallenge } from "@/lib/registry/proof-of-work";
import { RegistryIntl } from "@/components/registry/registry-intl";
import { isLocale } from "@/lib/i18n/locales";
import { DepositForm } from "./deposit-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registry.deposit"))("title") };
}

/** The mail registry's public deposit: signed-in customers and anyone else. */
export default async function DepositPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const [t, user] = await Promise.all([getTranslations("registry.deposit"), getCurrentUser()]);
  const customer = user?.role === "customer" ? user : null;
  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {customer ? (
        <div className="mb-4">
          <Alert tone="info">{t("signedInAs")}</Alert>
        </div>
      ) : null}
      <Card>
        <RegistryIntl locale={locale}>
          <DepositForm
            idempotencyKey={randomUUID()}
            // A guest proves a little work instead of an account; a customer needs none.
            challenge={customer ? null : issueChallenge()}
            defaults={{
              senderName: customer?.name ?? "",
              email: customer?.email ?? "",
              phone: customer?.phone ?? "",
            }}
          />
        </RegistryIntl>
      </Card>
    </div>
  );
}
