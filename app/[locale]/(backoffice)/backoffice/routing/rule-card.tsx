import { useTranslations } from "next-intl";
import { AdminForm } from "@/components/backoffice/admin-form";
import { Badge, Disclosure, localName } from "@/components/backoffice/admin-ui";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { AdminRule } from "@/lib/workflow/admin-routing";
import { deleteRuleAction, moveRuleAction, toggleRuleAction, updateRuleAction } from "./actions";
import { RuleFields } from "./rule-fields";

type Named = { code: string; nameAr: string; nameFr: string; nameEn: string };

/**
 * One routing rule as the list shows it: what it matches, where it sends, its validity, and
 * its buttons (move, activate, edit, delete). The catch-all only has "edit".
 */
export function RuleCard({
  rule,
  index,
  count,
  kinds,
  departments,
  labels,
  locale,
  timeZone,
  now,
}: {
  rule: AdminRule;
  /** 0-based place in the list; `count` rules in all, the catch-all last. */
  index: number;
  count: number;
  kinds: Named[];
  departments: Named[];
  labels: Record<string, string>;
  locale: Locale;
  timeZone: string;
  now: Date;
}) {
  const t = useTranslations("admin.routing");
  const tc = useTranslations("contracts.service");
  const ti = useTranslations("items");
  const kind = rule.kindCode ? kinds.find((k) => k.code === rule.kindCode) : undefined;
  const department = departments.find((d) => d.code === rule.departmentCode);
  const criteria = [
    rule.kindCode
      ? t("criterionKind", { kind: kind ? localName(kind, locale) : rule.kindCode })
      : null,
    rule.service ? t("criterionService", { service: tc(rule.service) }) : null,
    rule.zone ? t("criterionZone", { zone: rule.zone }) : null,
    rule.channel ? t("criterionChannel", { channel: ti(`channel.${rule.channel}`) }) : null,
  ].filter((c): c is string => c !== null);
  const window = validity(rule);

  function validity(r: AdminRule) {
    if (!r.validFrom && !r.validUntil) return null;
    const from = r.validFrom ? formatDateTime(r.validFrom, locale, timeZone) : null;
    const until = r.validUntil ? formatDateTime(r.validUntil, locale, timeZone) : null;
    const text =
      from && until
        ? t("window", { from, until })
        : from
          ? t("windowFrom", { from })
          : t("windowUntil", { until: until! });
    const state =
      r.validFrom && now < r.validFrom
        ? "notYet"
        : r.validUntil && now >= r.validUntil
          ? "expired"
          : null;
    return { text, state } as const;
  }

  return (
    <li
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
            {window?.state === "notYet" ? <Badge tone="warning">{t("notYet")}</Badge> : null}
            {window?.state === "expired" ? <Badge tone="danger">{t("expired")}</Badge> : null}
          </div>
          {rule.isDefault || criteria.length || !rule.keywords.length ? (
            <p className="text-sm text-slate-700">
              {rule.isDefault
                ? t("defaultHint")
                : criteria.length
                  ? criteria.join(" · ")
                  : t("anySubmission")}
            </p>
          ) : null}
          {rule.keywords.length ? (
            <ul className="flex flex-wrap items-center gap-1" aria-label={t("keywords")}>
              <li className="text-sm text-slate-700">{t("keywordsMatch")}</li>
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
              {t("routesTo", {
                department: department ? localName(department, locale) : rule.departmentCode,
              })}
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
            {index === 0 ? null : (
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
            )}
            {index === count - 2 ? null : (
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
            )}
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
}
