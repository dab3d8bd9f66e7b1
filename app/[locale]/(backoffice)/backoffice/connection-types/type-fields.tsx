import { useTranslations } from "next-intl";
import { Labelled, inputClass, localName } from "@/components/backoffice/admin-ui";
import { Field } from "@/components/ui/field";
import type { ConnectionRequestType } from "@/db/schema";
import { KNOWN_DOCUMENTS, documentFieldName } from "@/lib/connections/admin/documents";
import { DAYS_MAX, serviceFieldName } from "@/lib/connections/admin/schemas";
import { SERVICES } from "@/lib/connections/schemas";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The fields a type shares between its creation and its edits: names, services, documents
 * (one select each: not asked, optional, required), the contract question and the deadlines.
 */
export function TypeFields({
  idPrefix,
  locale,
  type,
}: {
  idPrefix: string;
  locale: Locale;
  type?: ConnectionRequestType;
}) {
  const t = useTranslations("connectionsAdmin.types");
  const ts = useTranslations("connections.service");
  const choiceOf = (code: string) => {
    const d = type?.documents.find((doc) => doc.code === code);
    return d ? (d.required ? "required" : "optional") : "";
  };
  return (
    <>
      <div className="grid grid-cols-1 gap-4 @md:grid-cols-3">
        {(
          [
            ["nameAr", "rtl", "ar"],
            ["nameFr", "ltr", "fr"],
            ["nameEn", "ltr", "en"],
          ] as const
        ).map(([name, dir, lang]) => (
          <Field
            key={name}
            id={`${idPrefix}-${name}`}
            name={name}
            label={t(name)}
            required
            maxLength={120}
            dir={dir}
            lang={lang}
            defaultValue={type?.[name]}
          />
        ))}
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-semibold text-slate-800">{t("services")}</legend>
        <div className="flex flex-wrap gap-4">
          {SERVICES.map((s) => (
            <label key={s} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={serviceFieldName(s)}
                defaultChecked={type ? type.services.includes(s) : true}
                className="size-4"
              />
              {ts(s)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-semibold text-slate-800">{t("documents")}</legend>
        <div className="grid grid-cols-1 gap-3 @md:grid-cols-2">
          {KNOWN_DOCUMENTS.map((d) => (
            <Labelled
              key={d.code}
              htmlFor={`${idPrefix}-doc-${d.code}`}
              label={localName(d, locale)}
            >
              <select
                id={`${idPrefix}-doc-${d.code}`}
                name={documentFieldName(d.code)}
                defaultValue={choiceOf(d.code)}
                className={inputClass}
              >
                <option value="">{t("docNotAsked")}</option>
                <option value="optional">{t("docOptional")}</option>
                <option value="required">{t("docRequired")}</option>
              </select>
            </Labelled>
          ))}
        </div>
      </fieldset>
      <label className="flex min-h-11 items-center gap-2 text-sm font-semibold">
        <input
          type="checkbox"
          name="needsContract"
          defaultChecked={type?.needsContract ?? false}
          className="size-4"
        />
        {t("needsContract")}
      </label>
      <div className="grid grid-cols-1 gap-4 @md:grid-cols-2">
        <Field
          id={`${idPrefix}-decisionDays`}
          name="decisionDays"
          label={t("decisionDays")}
          hint={t("daysHint")}
          required
          inputMode="numeric"
          maxLength={String(DAYS_MAX).length + 2}
          dir="ltr"
          defaultValue={type?.decisionDays ?? 15}
        />
        <Field
          id={`${idPrefix}-completionDays`}
          name="completionDays"
          label={t("completionDays")}
          hint={t("daysHint")}
          required
          inputMode="numeric"
          maxLength={String(DAYS_MAX).length + 2}
          dir="ltr"
          defaultValue={type?.completionDays ?? 30}
        />
      </div>
    </>
  );
}
