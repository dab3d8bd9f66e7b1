"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { inputClass } from "@/components/backoffice/admin-ui";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * The CSV upload and its report. The action answers the refused rows as fields keyed
 * "line:column" (line 0: the whole file) and the imported count as values.count.
 */
export function ImportForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const t = useTranslations("billingAdmin.import");
  const tb = useTranslations("billingAdmin.errors");
  const te = useTranslations("errors");
  const rows =
    state.status === "error"
      ? Object.entries(state.fields ?? {})
          .map(([key, code]) => {
            const [line, column] = key.split(":");
            return { line: Number(line), column: column || undefined, code };
          })
          .sort((a, b) => a.line - b.line)
      : [];
  const describe = (code: string) =>
    t.has(`errors.${code}` as never)
      ? t(`errors.${code}` as never)
      : tb.has(code as never)
        ? tb(code as never)
        : tb("invalid");
  // Whole-file problems (line 0, or the form's own "file" field) come first.
  const importErrors = rows.map((r) => (Number.isFinite(r.line) ? r : { ...r, line: 0 }));
  return (
    <form action={formAction} className="flex flex-col gap-4" data-testid="bill-import">
      {state.status === "ok" ? (
        <Alert tone="success">{t("imported", { count: Number(state.values?.count ?? 0) })}</Alert>
      ) : null}
      {state.status === "error" ? (
        <Alert tone="error">
          {importErrors.length ? (
            <>
              <p className="font-semibold">{t("refused")}</p>
              <ul className="mt-1 list-disc ps-5">
                {importErrors.map((r) => (
                  <li key={`${r.line}:${r.column ?? ""}`}>
                    <span className="ltr-nums font-semibold">
                      {!r.line
                        ? t("wholeFile")
                        : r.column
                          ? t("lineColumn", { line: r.line, column: r.column })
                          : t("lineLabel", { line: r.line })}
                    </span>{" "}
                    — {describe(r.code)}
                  </li>
                ))}
              </ul>
            </>
          ) : te.has((state.formError ?? "INTERNAL") as never) ? (
            te((state.formError ?? "INTERNAL") as never)
          ) : (
            te("INTERNAL")
          )}
        </Alert>
      ) : null}
      <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
        {t("file")}
        <input name="file" type="file" accept=".csv,text/csv" required className={inputClass} />
      </label>
      <Button type="submit" disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
