import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/backoffice/admin-form";
import { AdminIntl } from "@/components/backoffice/admin-intl";
import {
  Badge,
  CodeAndPrefixFields,
  Disclosure,
  localName,
} from "@/components/backoffice/admin-ui";
import { Card, PageTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { isLocale } from "@/lib/i18n/locales";
import { getCalendarSettings } from "@/lib/workflow/admin-calendar";
import { getDefaultPolicies, listRequestKinds } from "@/lib/workflow/admin-kinds";
import { PRIORITY_ORDER, policyFieldNames } from "@/lib/workflow/admin-schemas";
import { workdayMinutes } from "@/lib/workflow/business-duration";
import { formatItemNumber } from "@/lib/workflow/numbering";
import { localDateOf } from "@/lib/workflow/wall-clock";
import {
  createKindAction,
  savePoliciesAction,
  toggleKindAction,
  updateKindAction,
} from "./actions";
import { PolicyInputs } from "./policy-inputs";
import { PolicyTable, businessDuration } from "./policy-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.kinds"))("title") };
}

/** Request kinds, their numbering and their deadline policies; the default policies. */
export default async function KindsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("kinds"));
  const db = getDb();
  const [t, ti, kinds, defaults, calendar] = await Promise.all([
    getTranslations("admin.kinds"),
    getTranslations("items.priority"),
    listRequestKinds(db),
    getDefaultPolicies(db),
    getCalendarSettings(db),
  ]);
  const workday = workdayMinutes(calendar.opensAt, calendar.closesAt);
  const year = Number(localDateOf(new Date(), calendar.timeZone).slice(0, 4));

  const duration = businessDuration(t, workday);

  const labels: Record<string, string> = {
    code: t("code"),
    numberPrefix: t("prefix"),
    nameAr: t("nameAr"),
    nameFr: t("nameFr"),
    nameEn: t("nameEn"),
    ...Object.fromEntries(
      PRIORITY_ORDER.flatMap((p) => {
        const names = policyFieldNames(p);
        return [
          [names.first, t("policyLabel", { priority: ti(p), what: t("firstResponse") })],
          [names.resolution, t("policyLabel", { priority: ti(p), what: t("resolution") })],
        ];
      }),
    ),
  };

  return (
    <AdminIntl locale={locale}>
      <div className="flex flex-col gap-6">
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
          <section aria-labelledby="kinds-heading" className="flex min-w-0 flex-col gap-3">
            <h2 id="kinds-heading" className="text-lg font-bold">
              {t("listTitle", { count: kinds.length })}
            </h2>
            <p className="text-sm text-slate-600">
              {t("workdayNote", { hours: duration(workday, 0) })}
            </p>
            <ul className="flex flex-col gap-3">
              {kinds.map((kind) => (
                <li
                  key={kind.code}
                  data-testid="request-kind"
                  data-code={kind.code}
                  className={`flex flex-col gap-3 rounded-xl border bg-white p-4 shadow-xs ${
                    kind.active ? "border-slate-200" : "border-dashed border-slate-300"
                  }`}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="font-bold" dir="auto">
                      {localName(kind, locale)}
                    </h3>
                    <code className="ltr-nums rounded bg-slate-100 px-1.5 text-sm">
                      {kind.code}
                    </code>
                    {!kind.active ? <Badge tone="warning">{t("inactive")}</Badge> : null}
                    {kind.customerCanFile ? (
                      <Badge tone="success">{t("customerFiles")}</Badge>
                    ) : (
                      <Badge>{t("staffOnly")}</Badge>
                    )}
                    {kind.builtIn ? <Badge tone="brand">{t("builtIn")}</Badge> : null}
                  </div>
                  <p className="text-sm text-slate-700">
                    {t("numbering")}{" "}
                    <span className="ltr-nums font-mono font-semibold">
                      {formatItemNumber(kind.numberPrefix, year, 1)}
                    </span>
                  </p>
                  <PolicyTable
                    own={kind.policies}
                    defaults={defaults}
                    workday={workday}
                    locale={locale}
                  />
                  <div className="flex flex-wrap items-start gap-2 border-t border-slate-100 pt-3">
                    {kind.builtIn && kind.active ? null : (
                      <AdminForm
                        action={toggleKindAction}
                        submitLabel={kind.active ? t("deactivate") : t("activate")}
                        variant="secondary"
                        compact
                        className="flex flex-col gap-2"
                      >
                        <input type="hidden" name="code" value={kind.code} />
                        <input type="hidden" name="active" value={String(!kind.active)} />
                      </AdminForm>
                    )}
                    <Disclosure summary={t("editPolicies")}>
                      <div className="@container">
                        <AdminForm
                          action={savePoliciesAction}
                          submitLabel={t("savePolicies")}
                          successText={t("policiesSaved")}
                          labels={labels}
                        >
                          <input type="hidden" name="kindCode" value={kind.code} />
                          <PolicyInputs
                            idPrefix={`kind-${kind.code}`}
                            policies={kind.policies}
                            fallback={defaults}
                            workday={workday}
                          />
                        </AdminForm>
                      </div>
                    </Disclosure>
                    <Disclosure summary={t("editNames")}>
                      <AdminForm
                        action={updateKindAction}
                        submitLabel={t("saveSubmit")}
                        successText={t("saved")}
                        labels={labels}
                      >
                        <input type="hidden" name="code" value={kind.code} />
                        <NameFields idPrefix={`kind-${kind.code}`} kind={kind} />
                      </AdminForm>
                    </Disclosure>
                  </div>
                </li>
              ))}
            </ul>
          </section>

          <div className="flex min-w-0 flex-col gap-6">
            <Card className="@container flex flex-col gap-4">
              <div>
                <h2 className="text-lg font-bold">{t("addTitle")}</h2>
                <p className="text-sm text-slate-600">{t("addLead")}</p>
              </div>
              <AdminForm
                action={createKindAction}
                submitLabel={t("addSubmit")}
                successText={t("added")}
                labels={labels}
                resetOnSuccess
                testId="add-kind"
              >
                <CodeAndPrefixFields
                  idPrefix="new-kind"
                  labels={{
                    code: t("code"),
                    codeHint: t("codeHint"),
                    prefix: t("prefix"),
                    prefixHint: t("prefixHint"),
                  }}
                />
                <NameFields idPrefix="new-kind" />
                <h3 className="font-semibold">{t("policies")}</h3>
                <PolicyInputs
                  idPrefix="new-kind"
                  policies={{}}
                  fallback={defaults}
                  workday={workday}
                />
              </AdminForm>
            </Card>

            <Card className="@container flex flex-col gap-4">
              <div>
                <h2 className="text-lg font-bold">{t("defaultsTitle")}</h2>
                <p className="text-sm text-slate-600">{t("defaultsLead")}</p>
              </div>
              <PolicyTable
                own={defaults}
                defaults={defaults}
                workday={workday}
                locale={locale}
                testId="default-policies"
              />
              <Disclosure summary={t("editPolicies")}>
                <div className="@container">
                  <AdminForm
                    action={savePoliciesAction}
                    submitLabel={t("savePolicies")}
                    successText={t("policiesSaved")}
                    labels={labels}
                  >
                    <input type="hidden" name="kindCode" value="*" />
                    <PolicyInputs
                      idPrefix="defaults"
                      policies={defaults}
                      required
                      workday={workday}
                    />
                  </AdminForm>
                </div>
              </Disclosure>
            </Card>
          </div>
        </div>
      </div>
    </AdminIntl>
  );
}

/** The three names of a kind and whether customers may file it themselves. */
function NameFields({
  idPrefix,
  kind,
}: {
  idPrefix: string;
  kind?: { nameAr: string; nameFr: string; nameEn: string; customerCanFile: boolean };
}) {
  const t = useTranslations("admin.kinds");
  return (
    <div className="grid grid-cols-1 gap-4 @md:grid-cols-3">
      <Field
        id={`${idPrefix}-nameAr`}
        name="nameAr"
        label={t("nameAr")}
        required
        maxLength={120}
        dir="rtl"
        lang="ar"
        defaultValue={kind?.nameAr}
      />
      <Field
        id={`${idPrefix}-nameFr`}
        name="nameFr"
        label={t("nameFr")}
        required
        maxLength={120}
        dir="ltr"
        lang="fr"
        defaultValue={kind?.nameFr}
      />
      <Field
        id={`${idPrefix}-nameEn`}
        name="nameEn"
        label={t("nameEn")}
        required
        maxLength={120}
        dir="ltr"
        lang="en"
        defaultValue={kind?.nameEn}
      />
      <label className="flex min-h-11 items-center gap-2 text-sm font-semibold @md:col-span-3">
        <input
          type="checkbox"
          name="customerCanFile"
          defaultChecked={kind?.customerCanFile ?? true}
          className="size-4"
        />
        {t("customerCanFile")}
      </label>
    </div>
  );
}
