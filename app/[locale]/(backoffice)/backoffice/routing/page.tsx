import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/backoffice/admin-form";
import { AdminIntl } from "@/components/backoffice/admin-intl";
import { Badge, Disclosure, inputClass, Labelled, localName } from "@/components/backoffice/admin-ui";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { rolesFor } from "@/lib/backoffice/navigation";
import { fieldErrorsFromZod } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { workflowTimeZone } from "@/lib/workflow/admin-calendar";
import { listRequestKinds } from "@/lib/workflow/admin-kinds";
import {
  listDepartments,
  listKnownZones,
  listRoutingRules,
  tryRouting,
  type AdminRule,
  type RoutingTrial,
} from "@/lib/workflow/admin-routing";
import { CHANNELS, SERVICES, tryRoutingSchema } from "@/lib/workflow/admin-schemas";
import {
  createRuleAction,
  deleteRuleAction,
  moveRuleAction,
  toggleRuleAction,
  updateRuleAction,
} from "./actions";
import { RuleFields } from "./rule-fields";

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
  const [t, tc, ti, tv, tav, tf, rules, kinds, departments, zones, timeZone] = await Promise.all([
    getTranslations("admin.routing"),
    getTranslations("contracts.service"),
    getTranslations("items"),
    getTranslations("validation"),
    getTranslations("admin.validation"),
    getTranslations("admin.form"),
    listRoutingRules(db),
    listRequestKinds(db),
    listDepartments(db),
    listKnownZones(db),
    workflowTimeZone(db),
  ]);
  const kindsByCode = new Map(kinds.map((k) => [k.code, k]));
  const departmentsByCode = new Map(departments.map((d) => [d.code, d]));
  const departmentName = (code: string) => {
    const d = departmentsByCode.get(code);
    return d ? localName(d, locale) : code;
  };
  const errorText = (key: string) =>
    tav.has(key as never) ? tav(key as never) : tv.has(key as never) ? tv(key as never) : tv("invalid");
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
    else if (!kindsByCode.has(parsed.data.kind)) tryErrors = [["kind", "kindUnknown"]];
    else trial = await tryRouting(db, parsed.data, now);
  }
  const trialRule = trial ? rules.find((r) => r.id === trial.rule.id) : undefined;

  const validity = (rule: AdminRule) => {
    if (!rule.validFrom && !rule.validUntil) return null;
    const from = rule.validFrom ? formatDateTime(rule.validFrom, locale, timeZone) : null;
    const until = rule.validUntil ? formatDateTime(rule.validUntil, locale, timeZone) : null;
    const text =
      from && until
        ? t("window", { from, until })
        : from
          ? t("windowFrom", { from })
          : t("windowUntil", { until: until! });
    const state =
      rule.validFrom && now < rule.validFrom
        ? "notYet"
        : rule.validUntil && now >= rule.validUntil
          ? "expired"
          : null;
    return { text, state } as const;
  };

  return (
    <AdminIntl locale={locale}>
      <div className="flex flex-col gap-6">
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <datalist id="known-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
          <section aria-labelledby="rules-heading" className="flex min-w-0 flex-col gap-3">
            <h2 id="rules-heading" className="text-lg font-bold">
              {t("listTitle", { count: rules.length })}
            </h2>
            <ol className="flex flex-col gap-3" data-testid="routing-rules">
              {rules.map((rule, index) => {
                const window = validity(rule);
                const kind = rule.kindCode ? kindsByCode.get(rule.kindCode) : undefined;
                const criteria = [
                  rule.kindCode
                    ? t("criterionKind", { kind: kind ? localName(kind, locale) : rule.kindCode })
                    : null,
                  rule.service ? t("criterionService", { service: tc(rule.service) }) : null,
                  rule.zone ? t("criterionZone", { zone: rule.zone }) : null,
                  rule.channel
                    ? t("criterionChannel", { channel: ti(`channel.${rule.channel}`) })
                    : null,
                ].filter((c): c is string => c !== null);
                return (
                  <li
                    key={rule.id}
                    data-testid="routing-rule"
                    data-rule-name={rule.name}
                    className={`rounded-xl border bg-white p-4 shadow-xs ${
                      rule.active ? "border-slate-200" : "border-dashed border-slate-300 opacity-80"
                    }`}
                  >
                    <div className="flex items-start gap-3">
                      <span
                        className="ltr-nums inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-100 font-bold text-brand-900"
                        aria-label={t("position", { position: index + 1 })}
                      >
                        {index + 1}
                      </span>
                      <div className="flex min-w-0 flex-1 flex-col gap-2">
                        <div className="flex flex-wrap items-center gap-2">
                          <h3 className="font-bold break-words" dir="auto">
                            {rule.name}
                          </h3>
                          {rule.isDefault ? <Badge tone="brand">{t("isDefault")}</Badge> : null}
                          {!rule.active ? <Badge tone="warning">{t("inactive")}</Badge> : null}
                          {window?.state === "notYet" ? (
                            <Badge tone="warning">{t("notYet")}</Badge>
                          ) : null}
                          {window?.state === "expired" ? (
                            <Badge tone="danger">{t("expired")}</Badge>
                          ) : null}
                        </div>
                        <p className="text-sm text-slate-700">
                          {rule.isDefault
                            ? t("defaultHint")
                            : criteria.length
                              ? criteria.join(" · ")
                              : t("anySubmission")}
                        </p>
                        {rule.keywords.length ? (
                          <ul className="flex flex-wrap gap-1" aria-label={t("keywords")}>
                            {rule.keywords.map((k) => (
                              <li
                                key={k}
                                dir="auto"
                                className="rounded bg-amber-50 px-2 py-0.5 text-sm text-amber-950 ring-1 ring-amber-200"
                              >
                                {k}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        <p className="text-sm">
                          <span className="font-semibold">
                            {t("routesTo", { department: departmentName(rule.departmentCode) })}
                          </span>
                          {" · "}
                          {rule.priority
                            ? t("setsPriority", { priority: ti(`priority.${rule.priority}`) })
                            : t("keepsPriority")}
                        </p>
                        {window ? <p className="text-sm text-slate-600">{window.text}</p> : null}
                      </div>
                    </div>
                    <div className="mt-3 flex flex-wrap items-start gap-2 border-t border-slate-100 pt-3">
                      {rule.isDefault ? null : (
                        <>
                          <AdminForm
                            action={moveRuleAction}
                            submitLabel="↑"
                            submitAriaLabel={t("moveUp")}
                            variant="secondary"
                            compact
                            className="flex flex-col gap-2"
                          >
                            <input type="hidden" name="ruleId" value={rule.id} />
                            <input type="hidden" name="direction" value="up" />
                          </AdminForm>
                          <AdminForm
                            action={moveRuleAction}
                            submitLabel="↓"
                            submitAriaLabel={t("moveDown")}
                            variant="secondary"
                            compact
                            className="flex flex-col gap-2"
                          >
                            <input type="hidden" name="ruleId" value={rule.id} />
                            <input type="hidden" name="direction" value="down" />
                          </AdminForm>
                          <AdminForm
                            action={toggleRuleAction}
                            submitLabel={rule.active ? t("deactivate") : t("activate")}
                            variant="secondary"
                            compact
                            className="flex flex-col gap-2"
                          >
                            <input type="hidden" name="ruleId" value={rule.id} />
                            <input type="hidden" name="active" value={String(!rule.active)} />
                          </AdminForm>
                        </>
                      )}
                      <Disclosure summary={t("edit")}>
                        <div className="@container">
                          <AdminForm
                            action={updateRuleAction}
                            submitLabel={t("saveSubmit")}
                            successText={t("saved")}
                            labels={labels}
                          >
                            <input type="hidden" name="ruleId" value={rule.id} />
                            <RuleFields
                              idPrefix={`rule-${rule.id}`}
                              rule={rule}
                              kinds={kinds}
                              departments={departments}
                              locale={locale}
                              timeZone={timeZone}
                            />
                          </AdminForm>
                        </div>
                      </Disclosure>
                      {rule.isDefault ? null : (
                        <Disclosure summary={t("delete")} tone="danger">
                          <AdminForm
                            action={deleteRuleAction}
                            submitLabel={t("deleteSubmit")}
                            variant="danger"
                            className="flex flex-col gap-3"
                          >
                            <p className="text-sm text-slate-700">{t("deleteHint")}</p>
                            <input type="hidden" name="ruleId" value={rule.id} />
                          </AdminForm>
                        </Disclosure>
                      )}
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>

          <div className="flex min-w-0 flex-col gap-6">
            <Card className="@container flex flex-col gap-4">
              <div>
                <h2 className="text-lg font-bold">{t("try.title")}</h2>
                <p className="text-sm text-slate-600">{t("try.lead")}</p>
              </div>
              {tryErrors.length ? (
                <Alert tone="error">
                  <ul className="list-none">
                    {tryErrors.map(([field, key]) => (
                      <li key={field}>
                        {labels[field]
                          ? tf("fieldError", { field: labels[field], message: errorText(key) })
                          : errorText(key)}
                      </li>
                    ))}
                  </ul>
                </Alert>
              ) : null}
              {trial ? (
                <div
                  role="status"
                  data-testid="try-result"
                  className="flex flex-col gap-1 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950"
                >
                  <p className="font-bold" dir="auto">
                    {t("try.matched", {
                      position: rules.findIndex((r) => r.id === trial.rule.id) + 1,
                      name: trialRule?.name ?? "",
                    })}
                  </p>
                  <p>
                    {trial.decision.matchedKeyword ? (
                      <>
                        {t("try.byKeyword")}{" "}
                        <bdi className="font-semibold" data-testid="try-keyword">
                          {trial.decision.matchedKeyword}
                        </bdi>
                      </>
                    ) : trial.rule.isDefault ? (
                      t("try.byDefault")
                    ) : (
                      t("try.byCriteria")
                    )}
                  </p>
                  <p>
                    {t("routesTo", { department: departmentName(trial.decision.departmentCode) })}
                    {" · "}
                    {trial.priorityFromRule
                      ? t("setsPriority", { priority: ti(`priority.${trial.decision.priority}`) })
                      : t("try.submissionPriority", {
                          priority: ti(`priority.${trial.decision.priority}`),
                        })}
                  </p>
                </div>
              ) : null}
              <form method="get" className="flex flex-col gap-4">
                <input type="hidden" name="try" value="1" />
                <div className="grid gap-4 @md:grid-cols-2">
                  <Labelled htmlFor="try-kind" label={t("kind")}>
                    <select
                      id="try-kind"
                      name="kind"
                      required
                      defaultValue={tryValues.kind}
                      className={inputClass}
                    >
                      {kinds
                        .filter((k) => k.active)
                        .map((k) => (
                          <option key={k.code} value={k.code}>
                            {localName(k, locale)}
                          </option>
                        ))}
                    </select>
                  </Labelled>
                  <Labelled htmlFor="try-service" label={t("service")}>
                    <select
                      id="try-service"
                      name="service"
                      defaultValue={tryValues.service}
                      className={inputClass}
                    >
                      <option value="">{t("try.noService")}</option>
                      {SERVICES.map((s) => (
                        <option key={s} value={s}>
                          {tc(s)}
                        </option>
                      ))}
                    </select>
                  </Labelled>
                  <Labelled htmlFor="try-zone" label={t("zone")}>
                    <input
                      id="try-zone"
                      name="zone"
                      list="known-zones"
                      dir="ltr"
                      defaultValue={tryValues.zone}
                      className={inputClass}
                    />
                  </Labelled>
                  <Labelled htmlFor="try-channel" label={t("channel")}>
                    <select
                      id="try-channel"
                      name="channel"
                      defaultValue={tryValues.channel}
                      className={inputClass}
                    >
                      {CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {ti(`channel.${c}`)}
                        </option>
                      ))}
                    </select>
                  </Labelled>
                </div>
                <Labelled htmlFor="try-text" label={t("try.text")} hint={t("try.textHint")}>
                  <textarea
                    id="try-text"
                    name="text"
                    rows={3}
                    required
                    maxLength={2000}
                    dir="auto"
                    defaultValue={tryValues.text}
                    className={inputClass}
                  />
                </Labelled>
                <button
                  type="submit"
                  className="min-h-11 self-start rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
                >
                  {t("try.submit")}
                </button>
              </form>
            </Card>

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
