import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Card, PageTitle } from "@/components/ui/card";
import { isLocale } from "@/lib/i18n/locales";
import { requireRegistryPage } from "@/lib/registry/page-guard";
import {
  MANUAL_CHANNELS,
  MESSAGE_MAX,
  REGISTRY_CATEGORIES,
  SUBJECT_MAX,
} from "@/lib/registry/schemas";
import { registerManualAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registry.admin.manual"))("title") };
}

const field = "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base";
const label = "text-sm font-semibold";

/** Mail that did not come through the portal, registered by a clerk with its scanned pages. */
export default async function ManualRegistrationPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireRegistryPage(locale);
  const [t, td, tr] = await Promise.all([
    getTranslations("registry.admin.manual"),
    getTranslations("registry.deposit"),
    getTranslations("registry"),
  ]);
  const input = (name: string, text: string, extra: Record<string, unknown> = {}) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`m-${name}`} className={label}>
        {text}
      </label>
      <input id={`m-${name}`} name={name} className={field} {...extra} />
    </div>
  );
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <ActionForm
          action={registerManualAction}
          submitLabel={t("submit")}
          className="grid grid-cols-1 gap-4 sm:grid-cols-2"
        >
          <input type="hidden" name="idempotencyKey" value={randomUUID()} />
          <div className="flex flex-col gap-1">
            <label htmlFor="m-channel" className={label}>
              {t("channel")}
            </label>
            <select id="m-channel" name="channel" defaultValue="counter" className={field}>
              {MANUAL_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {tr(`channel.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="m-category" className={label}>
              {td("category")}
            </label>
            <select id="m-category" name="category" defaultValue="request" className={field}>
              {REGISTRY_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {tr(`category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          {input("senderName", td("senderName"), { required: true, maxLength: 120 })}
          {input("nationalId", t("nationalIdOptional"), { dir: "ltr", maxLength: 20 })}
          {input("email", td("email"), { type: "email", dir: "ltr" })}
          {input("phone", td("phone"), { type: "tel", dir: "ltr" })}
          {input("contractNo", td("contractNo"), { dir: "ltr", maxLength: 40 })}
          <div className="sm:col-span-2">
            {input("subject", td("subject"), { required: true, maxLength: SUBJECT_MAX })}
          </div>
          <div className="flex flex-col gap-1 sm:col-span-2">
            <label htmlFor="m-message" className={label}>
              {td("message")}
            </label>
            <textarea
              id="m-message"
              name="message"
              rows={6}
              required
              maxLength={MESSAGE_MAX}
              className={field}
            />
          </div>
          <div className="flex flex-col gap-1 sm:col-span-2">
            <label htmlFor="m-attachments" className={label}>
              {td("attachments")}
            </label>
            <input
              id="m-attachments"
              name="attachments"
              type="file"
              multiple
              accept="application/pdf,image/jpeg,image/png"
              className={field}
            />
            <p className="text-sm text-slate-600">{td("attachmentsHint")}</p>
          </div>
        </ActionForm>
      </Card>
    </div>
  );
}
