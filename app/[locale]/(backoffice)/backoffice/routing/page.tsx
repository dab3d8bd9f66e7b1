import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/backoffice/admin-form";
import { AdminIntl } from "@/components/backoffice/admin-intl";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { fieldErrorsFromZod } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { workflowTimeZone } from "@/lib/workflow/admin-calendar";
import { listRequestKinds } from "@/lib/workflow/admin-kinds";
import {
  listDepartments,
  listKnownZones,
  listRoutingRules,
  tryRouting,
  type RoutingTrial,
} from "@/lib/workflow/admin-routing";
import { tryRoutingSchema } from "@/lib/workflow/admin-schemas";
import { createRuleAction } from "./actions";
import { RuleCard } from "./rule-card";
import { RuleFields } from "./rule-fields";
import { TryRoutingCard } from "./try-routing";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.routing"))("title") };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The ordered routing rules, their editing, and a "try it" check against the saved rules. */
export default async function RoutingPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : "ar";
  await requireStaffPage(locale, rolesFor("routing"));
  const sp = await searchParams;
  const db = getDb();
  const now = new Date();
  const [t, tv, tav, rules, kinds, departments, zones, timeZone] = await Promise.all([
    getTranslations("admin.routing"),
    getTranslations("validation"),
    getTranslations("admin.validation"),
    listRoutingRules(db),
    listRequestKinds(db),
    listDepartments(db),
    listKnownZones(db),
    workflowTimeZone(db),
  ]);
  const errorText = (key: string) =>
    tav.has(key as never)
      ? tav(key as never)
      : tv.has(key as never)
        ? tv(key as never)
        : tv("invalid");
  const labels: Record<string, string> = {
    name: t("name"),
    kindCode: t("kind"),
    service: t("service"),
    zone: t("zone"),
    channel: t("channel"),
    keywords: t("keywords"),
    departmentCode: t("department"),
    priority: t("priority"),
    validFrom: t("validFrom"),
    validUntil: t("validUntil"),
    placement: t("placement"),
    kind: t("kind"),
    text: t("try.text"),
  };

  // "Try it" is a GET form: nothing changes, and the result can be linked to.
  const tryValues = {
    kind: first(sp.kind) ?? "",
    service: first(sp.service) ?? "",
    zone: first(sp.zone) ?? "",
    channel: first(sp.channel) ?? "web",
    text: first(sp.text) ?? "",
  };
  let trial: RoutingTrial | null = null;
  let tryErrors: [string, string][] = [];
  if (first(sp.try) === "1") {
    const parsed = tryRoutingSchema.safeParse(tryValues);
    if (!parsed.success) tryErrors = Object.entries(fieldErrorsFromZod(parsed.error));
    else if (!kinds.some((k) => k.code === parsed.data.kind)) tryErrors = [["kind", "kindUnknown"]];
    else trial = await tryRouting(db, parsed.data, now);
  }
  return (
    <AdminIntl locale={locale}>
      <div className="flex flex-col gap-6">
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <datalist id="known-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
          <section aria-labelledby="rules-heading" className="flex min-w-0 flex-col gap-3">
            <h2 id="rules-heading" className="text-lg font-bold">
              {t("listTitle", { count: rules.length })}
            </h2>
            <ol className="flex flex-col gap-3" data-testid="routing-rules">
              {rules.map((rule, index) => (
                <RuleCard
                  key={rule.id}
                  rule={rule}
                  index={index}
                  count={rules.length}
                  kinds={kinds}
                  departments={departments}
                  labels={labels}
                  locale={locale}
                  timeZone={timeZone}
                  now={now}
                />
              ))}
            </ol>
          </section>

          <div className="flex min-w-0 flex-col gap-6">
            <TryRoutingCard
              values={tryValues}
              trial={trial}
              errors={tryErrors.map(([field, key]) => [field, errorText(key)])}
              rules={rules}
              kinds={kinds}
              departments={departments}
              labels={labels}
              locale={locale}
            />

            <Card className="@container flex flex-col gap-4">
              <div>
                <h2 className="text-lg font-bold">{t("addTitle")}</h2>
                <p className="text-sm text-slate-600">{t("addLead")}</p>
              </div>
              <AdminForm
                action={createRuleAction}
                submitLabel={t("addSubmit")}
                successText={t("added")}
                labels={labels}
                resetOnSuccess
                testId="add-rule"
              >
                <RuleFields
                  idPrefix="new-rule"
                  kinds={kinds.filter((k) => k.active)}
                  departments={departments}
                  locale={locale}
                  timeZone={timeZone}
                  creating
                />
              </AdminForm>
            </Card>
          </div>
        </div>
      </div>
    </AdminIntl>
  );
}
