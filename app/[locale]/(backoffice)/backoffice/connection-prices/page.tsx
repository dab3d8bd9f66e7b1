import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminIntl } from "@/components/backoffice/admin-intl";
import { Badge, Labelled, inputClass, localName } from "@/components/backoffice/admin-ui";
import { ConnectionsAdminForm } from "@/components/backoffice/connections/connections-admin-form";
import { Card, PageTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { quoteLineKindEnum } from "@/db/schema";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { formatMoney } from "@/lib/billing/present";
import { formatMinor } from "@/lib/billing/engine/money";
import { listConnectionPrices } from "@/lib/connections/admin/prices";
import { listConnectionTypes } from "@/lib/connections/admin/types";
import { SERVICES, USES } from "@/lib/connections/schemas";
import { isLocale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { getUtility } from "@/lib/utility/get-utility";
import { createPriceAction, togglePriceAction, updatePriceAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connectionsAdmin.prices"))("title") };
}

/** The price list the clerks' quote editor pre-fills from, by service, use and line. Admins only. */
export default async function ConnectionPricesPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("connectionPrices"));
  const db = getDb();
  const [t, tc, prices, types, utility] = await Promise.all([
    getTranslations("connectionsAdmin.prices"),
    getTranslations("connections"),
    listConnectionPrices(db),
    listConnectionTypes(db),
    getUtility(db),
  ]);
  const typeName = (code: string | null) => {
    const type = code ? types.find((ty) => ty.code === code) : undefined;
    return type ? localName(type, locale) : t("allTypes");
  };
  const m = MESSAGES[locale].connectionsAdmin;
  const lineName = (p: { service: string; use: string; kind: string; typeCode: string | null }) =>
    `${tc(`service.${p.service}` as never)} · ${tc(`use.${p.use}` as never)} · ${typeName(p.typeCode)} · ${tc(`quoteLines.${p.kind}` as never)}`;

  return (
    <AdminIntl locale={locale} extra={{ connectionsAdmin: { errors: m.errors, fields: m.fields } }}>
      <div className="flex flex-col gap-6">
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <div className="flex flex-col gap-6">
          <Card className="@container flex min-w-0 flex-col gap-4">
            <div>
              <h2 className="text-lg font-bold">{t("addTitle")}</h2>
              <p className="text-sm text-slate-600">{t("addLead")}</p>
            </div>
            <ConnectionsAdminForm
              action={createPriceAction}
              submitLabel={t("addSubmit")}
              successText={t("added")}
              resetOnSuccess
              testId="add-price"
            >
              <div className="grid grid-cols-1 items-start gap-4 @2xl:grid-cols-3 @5xl:grid-cols-5">
                <Labelled htmlFor="new-price-typeCode" label={t("type")}>
                  <select id="new-price-typeCode" name="typeCode" className={inputClass}>
                    <option value="">{t("allTypes")}</option>
                    {types.map((ty) => (
                      <option key={ty.code} value={ty.code}>
                        {localName(ty, locale)}
                      </option>
                    ))}
                  </select>
                </Labelled>
                {(
                  [
                    ["service", SERVICES, "service"],
                    ["use", USES, "use"],
                    ["kind", quoteLineKindEnum.enumValues, "quoteLines"],
                  ] as const
                ).map(([name, values, group]) => (
                  <Labelled key={name} htmlFor={`new-price-${name}`} label={t(name)}>
                    <select id={`new-price-${name}`} name={name} required className={inputClass}>
                      {values.map((v) => (
                        <option key={v} value={v}>
                          {tc(`${group}.${v}` as never)}
                        </option>
                      ))}
                    </select>
                  </Labelled>
                ))}
                <Field
                  id="new-price-amount"
                  name="amount"
                  label={t("amount", { currency: utility.currency })}
                  hint={t("amountHint")}
                  required
                  inputMode="decimal"
                  maxLength={40}
                  dir="ltr"
                  autoComplete="off"
                />
              </div>
            </ConnectionsAdminForm>
          </Card>
          <div className="min-w-0 overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-start">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("service")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("use")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("type")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("kind")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-end">
                    {t("amount", { currency: utility.currency })}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("actions")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {prices.map((p) => (
                  <tr
                    key={p.id}
                    data-testid="price-line"
                    data-line={`${p.service}/${p.use}/${p.typeCode ?? "*"}/${p.kind}`}
                    className={`border-t border-slate-100 align-top ${p.active ? "" : "bg-slate-50 text-slate-500"}`}
                  >
                    <td className="px-3 py-2">{tc(`service.${p.service}` as never)}</td>
                    <td className="px-3 py-2">{tc(`use.${p.use}` as never)}</td>
                    <td className="px-3 py-2" dir="auto">
                      {typeName(p.typeCode)}
                    </td>
                    <td className="px-3 py-2">
                      {tc(`quoteLines.${p.kind}` as never)}{" "}
                      {p.active ? null : <Badge tone="warning">{t("inactive")}</Badge>}
                    </td>
                    <td className="ltr-nums px-3 py-2 text-end font-semibold whitespace-nowrap">
                      {formatMoney(p.amountMinor, p.currency, locale)}
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex flex-nowrap items-start gap-2">
                        <ConnectionsAdminForm
                          action={updatePriceAction}
                          submitLabel={t("saveSubmit")}
                          successText={t("saved")}
                          variant="secondary"
                          compact
                          className="flex flex-nowrap items-start gap-2"
                        >
                          <input type="hidden" name="priceId" value={p.id} />
                          <label className="sr-only" htmlFor={`price-${p.id}`}>
                            {t("editAmount", { line: lineName(p) })}
                          </label>
                          <input
                            id={`price-${p.id}`}
                            name="amount"
                            inputMode="decimal"
                            dir="ltr"
                            maxLength={40}
                            defaultValue={formatMinor(p.amountMinor, p.currency)}
                            className={inputClass.replace("w-full", "w-32")}
                          />
                        </ConnectionsAdminForm>
                        <ConnectionsAdminForm
                          action={togglePriceAction}
                          submitLabel={p.active ? t("deactivate") : t("activate")}
                          variant="secondary"
                          compact
                          className="flex flex-col gap-2"
                        >
                          <input type="hidden" name="priceId" value={p.id} />
                          <input type="hidden" name="active" value={String(!p.active)} />
                        </ConnectionsAdminForm>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </AdminIntl>
  );
}
