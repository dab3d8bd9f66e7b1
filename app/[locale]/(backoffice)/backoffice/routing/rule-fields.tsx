import { useTranslations } from "next-intl";
import { inputClass, Labelled, localName } from "@/components/backoffice/admin-ui";
import { Field } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/locales";
import type { AdminRule } from "@/lib/workflow/admin-routing";
import {
  CHANNELS,
  KEYWORDS_MAX,
  KEYWORD_LENGTH_MAX,
  PRIORITY_ORDER,
  RULE_NAME_MAX,
  SERVICES,
  ZONE_MAX,
} from "@/lib/workflow/admin-schemas";
import { instantToWallClock } from "@/lib/workflow/wall-clock";

type Named = { code: string; nameAr: string; nameFr: string; nameEn: string };

/**
 * The fields of a routing rule, empty for a new rule or filled from `rule`. The catch-all
 * rule shows only what it uses: its name, department and priority.
 */
export function RuleFields({
  idPrefix,
  rule,
  kinds,
  departments,
  locale,
  timeZone,
  creating = false,
}: {
  idPrefix: string;
  rule?: AdminRule;
  kinds: Named[];
  departments: Named[];
  locale: Locale;
  timeZone: string;
  creating?: boolean;
}) {
  const t = useTranslations("admin.routing");
  const tc = useTranslations("contracts.service");
  const ti = useTranslations("items");
  const id = (name: string) => `${idPrefix}-${name}`;
  const isDefault = rule?.isDefault ?? false;
  const local = (d: Date | null | undefined) => (d ? instantToWallClock(d, timeZone) : "");
  return (
    <div className="grid grid-cols-1 gap-4 @lg:grid-cols-2">
      <div className="@lg:col-span-2">
        <Field
          id={id("name")}
          name="name"
          label={t("name")}
          required
          maxLength={RULE_NAME_MAX}
          defaultValue={rule?.name}
          dir="auto"
        />
      </div>
      {isDefault ? null : (
        <>
          <Labelled htmlFor={id("kind")} label={t("kind")}>
            <select
              id={id("kind")}
              name="kindCode"
              defaultValue={rule?.kindCode ?? ""}
              className={inputClass}
            >
              <option value="">{t("anyKind")}</option>
              {kinds.map((k) => (
                <option key={k.code} value={k.code}>
                  {localName(k, locale)}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled htmlFor={id("service")} label={t("service")}>
            <select
              id={id("service")}
              name="service"
              defaultValue={rule?.service ?? ""}
              className={inputClass}
            >
              <option value="">{t("anyService")}</option>
              {SERVICES.map((s) => (
                <option key={s} value={s}>
                  {tc(s)}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled htmlFor={id("zone")} label={t("zone")} hint={t("zoneHint")}>
            <input
              id={id("zone")}
              name="zone"
              list="known-zones"
              maxLength={ZONE_MAX}
              defaultValue={rule?.zone ?? ""}
              dir="ltr"
              className={inputClass}
            />
          </Labelled>
          <Labelled htmlFor={id("channel")} label={t("channel")}>
            <select
              id={id("channel")}
              name="channel"
              defaultValue={rule?.channel ?? ""}
              className={inputClass}
            >
              <option value="">{t("anyChannel")}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {ti(`channel.${c}`)}
                </option>
              ))}
            </select>
          </Labelled>
          <div className="@lg:col-span-2">
            <Labelled
              htmlFor={id("keywords")}
              label={t("keywords")}
              hint={t("keywordsHint", { max: KEYWORDS_MAX, length: KEYWORD_LENGTH_MAX })}
            >
              <textarea
                id={id("keywords")}
                name="keywords"
                rows={4}
                dir="auto"
                defaultValue={rule?.keywords.join("\n") ?? ""}
                className={inputClass}
              />
            </Labelled>
          </div>
        </>
      )}
      <Labelled htmlFor={id("department")} label={t("department")}>
        <select
          id={id("department")}
          name="departmentCode"
          required
          defaultValue={rule?.departmentCode ?? ""}
          className={inputClass}
        >
          {rule ? null : (
            <option value="" disabled>
              —
            </option>
          )}
          {departments.map((d) => (
            <option key={d.code} value={d.code}>
              {localName(d, locale)}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled htmlFor={id("priority")} label={t("priority")} hint={t("priorityHint")}>
        <select
          id={id("priority")}
          name="priority"
          defaultValue={rule?.priority ?? ""}
          className={inputClass}
        >
          <option value="">{t("keepPriority")}</option>
          {PRIORITY_ORDER.map((p) => (
            <option key={p} value={p}>
              {ti(`priority.${p}`)}
            </option>
          ))}
        </select>
      </Labelled>
      {isDefault ? null : (
        <>
          <Labelled htmlFor={id("validFrom")} label={t("validFrom")}>
            <input
              id={id("validFrom")}
              name="validFrom"
              type="datetime-local"
              defaultValue={local(rule?.validFrom)}
              className={inputClass}
            />
          </Labelled>
          <Labelled
            htmlFor={id("validUntil")}
            label={t("validUntil")}
            hint={t("validityHint", { timeZone })}
          >
            <input
              id={id("validUntil")}
              name="validUntil"
              type="datetime-local"
              defaultValue={local(rule?.validUntil)}
              className={inputClass}
            />
          </Labelled>
        </>
      )}
      {creating ? (
        <>
          <Labelled htmlFor={id("placement")} label={t("placement")}>
            <select id={id("placement")} name="placement" defaultValue="top" className={inputClass}>
              <option value="top">{t("placementTop")}</option>
              <option value="bottom">{t("placementBottom")}</option>
            </select>
          </Labelled>
          <label className="flex min-h-11 items-center gap-2 self-end text-sm font-semibold">
            <input type="checkbox" name="active" defaultChecked className="size-4" />
            {t("activeNow")}
          </label>
        </>
      ) : null}
    </div>
  );
}
