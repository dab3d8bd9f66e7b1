import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConnectionForm, type FormType } from "@/components/connections/connection-form";
import { ConnectionsIntl } from "@/components/connections/connections-intl";
import { PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireCustomerPage } from "@/lib/auth/page-guards";
import { getDraft } from "@/lib/connections/customer-actions";
import { getActiveType, localName } from "@/lib/connections/types";
import { isLocale } from "@/lib/i18n/locales";
import { saveDraftAction, submitConnectionAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections"))("newRequest") };
}

export default async function NewConnectionPage({
  params,
}: {
  params: Promise<{ locale: string; type: string }>;
}) {
  const { locale: raw, type: code } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  const user = await requireCustomerPage(locale);
  const db = getDb();
  const type = /^[a-z_]{2,40}$/.test(code) ? await getActiveType(db, code) : undefined;
  if (!type) notFound();
  const draft = await getDraft(db, user.id, type.code);
  const t = await getTranslations("connections");
  const formType: FormType = {
    code: type.code,
    family: type.family,
    name: localName(type, locale),
    services: type.services,
    needsContract: type.needsContract,
    documents: type.documents.map((d) => ({
      code: d.code,
      name: localName(d, locale),
      required: d.required,
    })),
  };
  // A draft brings back what was typed; the account's name and e-mail fill a new form.
  const initial = (draft?.data as Record<string, unknown> | undefined) ?? {
    applicant: { name: user.name, email: user.email, nationalId: "", phone: "" },
  };
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <PageTitle lead={draft ? t("resumeDraft") : t("lead")}>{formType.name}</PageTitle>
      <ConnectionsIntl locale={locale}>
        <ConnectionForm
          type={formType}
          initial={initial}
          idempotencyKey={randomUUID()}
          submit={submitConnectionAction}
          save={saveDraftAction}
        />
      </ConnectionsIntl>
    </div>
  );
}
