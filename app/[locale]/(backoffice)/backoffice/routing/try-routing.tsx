import { useTranslations } from "next-intl";
import { inputClass, Labelled, localName } from "@/components/backoffice/admin-ui";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/locales";
import type { AdminRule, RoutingTrial } from "@/lib/workflow/admin-routing";
import { CHANNELS, SERVICES } from "@/lib/workflow/admin-schemas";

type Named = { code: string; nameAr: string; nameFr: string; nameEn: string };

/**
 * The "try it" check: a GET form (nothing changes, and a result can be linked to) and, once
 * submitted, the rule that wins for the sample and why.
 */
export function TryRoutingCard({
  values,
  trial,
  errors,
  rules,
  kinds,
  departments,
  labels,
  locale,
}: {
  values: { kind: string; service: string; zone: string; channel: string; text: string };
  trial: RoutingTrial | null;
  /** Field → message, already in the reader's language. */
  errors: [string, string][];
  rules: AdminRule[];
  kinds: (Named & { active: boolean })[];
  departments: Named[];
  labels: Record<string, string>;
  locale: Locale;
}) {
  const t = useTranslations("admin.routing");
  const tc = useTranslations("contracts.service");
  const ti = useTranslations("items");
  const tf = useTranslations("admin.form");
  const trialRule = trial ? rules.find((r) => r.id === trial.rule.id) : undefined;
  const departmentName = (code: string) => {
    const d = departments.find((x) => x.code === code);
    return d ? localName(d, locale) : code;
  };
  return (
    <Card className="@container flex flex-col gap-4">
      <div>
        <h2 className="text-lg font-bold">{t("try.title")}</h2>
        <p className="text-sm text-slate-600">{t("try.lead")}</p>
      </div>
      {errors.length ? (
        <Alert tone="error">
          <ul className="list-none">
            {errors.map(([field, message]) => (
              <li key={field}>
                {labels[field] ? tf("fieldError", { field: labels[field], message }) : message}
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
        <div className="grid grid-cols-1 gap-4 @md:grid-cols-2">
          <Labelled htmlFor="try-kind" label={t("kind")}>
            <select
              id="try-kind"
              name="kind"
              required
              defaultValue={values.kind}
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
              defaultValue={values.service}
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
              defaultValue={values.zone}
              className={inputClass}
            />
          </Labelled>
          <Labelled htmlFor="try-channel" label={t("channel")}>
            <select
              id="try-channel"
              name="channel"
              defaultValue={values.channel}
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
            defaultValue={values.text}
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
  );
}
