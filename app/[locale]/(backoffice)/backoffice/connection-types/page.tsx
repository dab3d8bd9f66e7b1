import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminIntl } from "@/components/backoffice/admin-intl";
import {
  Badge,
  CodeAndPrefixFields,
  Disclosure,
  Labelled,
  inputClass,
  localName,
} from "@/components/backoffice/admin-ui";
import { ConnectionsAdminForm } from "@/components/backoffice/connections/connections-admin-form";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { FAMILIES } from "@/lib/connections/admin/schemas";
import { listConnectionTypes } from "@/lib/connections/admin/types";
import { isLocale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { formatItemNumber } from "@/lib/workflow/numbering";
import {
  createConnectionTypeAction,
  toggleConnectionTypeAction,
  updateConnectionTypeAction,
} from "./actions";
import { TypeFields } from "./type-fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connectionsAdmin.types"))("title") };
}

/** The connection request types customers can file, and a form to add one. Admins only. */
export default async function ConnectionTypesPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("connectionTypes"));
  const [t, ts, types] = await Promise.all([
    getTranslations("connectionsAdmin.types"),
    getTranslations("connections.service"),
    listConnectionTypes(getDb()),
  ]);
  const m = MESSAGES[locale].connectionsAdmin;
  const year = new Date().getUTCFullYear();

  return (
    <AdminIntl locale={locale} extra={{ connectionsAdmin: { errors: m.errors, fields: m.fields } }}>
      <div className="flex flex-col gap-6">
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_30rem]">
          <section aria-labelledby="types-heading" className="flex min-w-0 flex-col gap-3">
            <h2 id="types-heading" className="text-lg font-bold">
              {t("listTitle", { count: types.length })}
            </h2>
            <p className="text-sm text-slate-600">{t("neverDeleted")}</p>
            <ul className="flex flex-col gap-3">
              {types.map((type) => (
                <li
                  key={type.code}
                  data-testid="connection-type"
                  data-code={type.code}
                  className={`flex flex-col gap-3 rounded-xl border bg-white p-4 shadow-xs ${
                    type.active ? "border-slate-200" : "border-dashed border-slate-300"
                  }`}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="font-bold" dir="auto">
                      {localName(type, locale)}
                    </h3>
                    <code className="ltr-nums rounded bg-slate-100 px-1.5 text-sm">
                      {type.code}
                    </code>
                    <Badge tone="brand">{t(`familyNames.${type.family}`)}</Badge>
                    {!type.active ? <Badge tone="warning">{t("inactive")}</Badge> : null}
                    <Badge>{t("requests", { count: type.requestCount })}</Badge>
                  </div>
                  <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
                    <dt className="font-semibold">{t("numbering")}</dt>
                    <dd className="ltr-nums font-mono">
                      {formatItemNumber(type.numberPrefix, year, 1)}
                    </dd>
                    <dt className="font-semibold">{t("services")}</dt>
                    <dd>{type.services.map((s) => ts(s)).join(" · ")}</dd>
                    <dt className="font-semibold">{t("documents")}</dt>
                    <dd>
                      {type.documents.length
                        ? type.documents
                            .map(
                              (d) =>
                                `${localName(d, locale)} (${d.required ? t("required") : t("optional")})`,
                            )
                            .join(" · ")
                        : t("noDocuments")}
                    </dd>
                  </dl>
                  <p className="text-sm text-slate-700">
                    {t("decision", { days: type.decisionDays })}
                    {type.needsContract ? ` · ${t("contract")}` : null}
                  </p>
                  <div className="flex flex-wrap items-start gap-2 border-t border-slate-100 pt-3">
                    <ConnectionsAdminForm
                      action={toggleConnectionTypeAction}
                      submitLabel={type.active ? t("deactivate") : t("activate")}
                      variant="secondary"
                      compact
                      className="flex flex-col gap-2"
                    >
                      <input type="hidden" name="code" value={type.code} />
                      <input type="hidden" name="active" value={String(!type.active)} />
                    </ConnectionsAdminForm>
                    <Disclosure summary={t("edit")}>
                      <div className="@container">
                        <ConnectionsAdminForm
                          action={updateConnectionTypeAction}
                          submitLabel={t("saveSubmit")}
                          successText={t("saved")}
                        >
                          <input type="hidden" name="code" value={type.code} />
                          <TypeFields idPrefix={`type-${type.code}`} locale={locale} type={type} />
                        </ConnectionsAdminForm>
                      </div>
                    </Disclosure>
                  </div>
                </li>
              ))}
            </ul>
          </section>

          <Card className="@container flex min-w-0 flex-col gap-4">
            <div>
              <h2 className="text-lg font-bold">{t("addTitle")}</h2>
              <p className="text-sm text-slate-600">{t("addLead")}</p>
            </div>
            <ConnectionsAdminForm
              action={createConnectionTypeAction}
              submitLabel={t("addSubmit")}
              successText={t("added")}
              resetOnSuccess
              testId="add-connection-type"
            >
              <CodeAndPrefixFields
                idPrefix="new-type"
                labels={{
                  code: t("code"),
                  codeHint: t("codeHint"),
                  prefix: t("prefix"),
                  prefixHint: t("prefixHint"),
                }}
              />
              <Labelled htmlFor="new-type-family" label={t("family")} hint={t("familyHint")}>
                <select
                  id="new-type-family"
                  name="family"
                  required
                  defaultValue="connection"
                  className={inputClass}
                >
                  {FAMILIES.map((f) => (
                    <option key={f} value={f}>
                      {t(`families.${f}`)}
                    </option>
                  ))}
                </select>
              </Labelled>
              <TypeFields idPrefix="new-type" locale={locale} />
            </ConnectionsAdminForm>
          </Card>
        </div>
      </div>
    </AdminIntl>
  );
}
