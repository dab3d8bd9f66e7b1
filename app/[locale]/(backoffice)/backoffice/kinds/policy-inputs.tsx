import { useTranslations } from "next-intl";
import { inputClass } from "@/components/backoffice/admin-ui";
import {
  POLICY_MINUTES_MAX,
  PRIORITY_ORDER,
  policyFieldNames,
  type PolicySet,
} from "@/lib/workflow/admin-schemas";

/**
 * Minutes of first response and resolution for each priority, as flat fields (urgentFirst,
 * urgentResolution…). Blank pairs mean "use the default policy" unless `required`.
 */
export function PolicyInputs({
  idPrefix,
  policies,
  fallback,
  required = false,
  workday,
}: {
  idPrefix: string;
  policies: PolicySet;
  /** Shown as placeholders: what a blank priority falls back to. */
  fallback?: PolicySet;
  required?: boolean;
  /** Minutes of one regular business day, for the hint. */
  workday: number;
}) {
  const t = useTranslations("admin.kinds");
  const ti = useTranslations("items.priority");
  return (
    <div className="grid grid-cols-1 gap-3 @md:grid-cols-2">
      {PRIORITY_ORDER.map((priority) => {
        const names = policyFieldNames(priority);
        const own = policies[priority];
        const other = fallback?.[priority];
        return (
          <fieldset
            key={priority}
            className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3"
          >
            <legend className="px-1 text-sm font-bold">{ti(priority)}</legend>
            <div className="grid grid-cols-2 items-end gap-2">
              {(
                [
                  [
                    names.first,
                    t("firstResponse"),
                    own?.firstResponseMinutes,
                    other?.firstResponseMinutes,
                  ],
                  [
                    names.resolution,
                    t("resolution"),
                    own?.resolutionMinutes,
                    other?.resolutionMinutes,
                  ],
                ] as const
              ).map(([name, label, value, placeholder]) => (
                <label key={name} htmlFor={`${idPrefix}-${name}`} className="flex flex-col gap-1">
                  <span className="text-xs font-semibold text-slate-700">{label}</span>
                  <input
                    id={`${idPrefix}-${name}`}
                    name={name}
                    inputMode="numeric"
                    dir="ltr"
                    required={required}
                    maxLength={String(POLICY_MINUTES_MAX).length + 2}
                    defaultValue={value ?? ""}
                    placeholder={placeholder !== undefined ? String(placeholder) : undefined}
                    aria-describedby={`${idPrefix}-minutes-hint`}
                    className={`${inputClass} text-end`}
                  />
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <p id={`${idPrefix}-minutes-hint`} className="text-sm text-slate-600 @md:col-span-2">
        {required
          ? t("minutesHintRequired", { minutes: workday })
          : t("minutesHint", { minutes: workday })}
      </p>
    </div>
  );
}
