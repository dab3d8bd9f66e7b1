import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { Field } from "@/components/ui/field";

/** The name of a row with a column per language (kinds, departments). */
export function localName(
  row: { nameAr: string; nameFr: string; nameEn: string },
  locale: Locale,
): string {
  return locale === "ar" ? row.nameAr : locale === "fr" ? row.nameFr : row.nameEn;
}

export const inputClass =
  "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-xs focus:border-brand-600 focus:ring-2 focus:ring-brand-200 focus:outline-none";

const TONES = {
  neutral: "bg-slate-100 text-slate-800",
  brand: "bg-brand-100 text-brand-900",
  warning: "bg-amber-100 text-amber-900",
  danger: "bg-red-100 text-red-900",
  success: "bg-emerald-100 text-emerald-900",
} as const;

export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: keyof typeof TONES;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

/** A labelled control (select, textarea, several inputs) with an optional hint. */
export function Labelled({
  htmlFor,
  label,
  hint,
  children,
}: {
  htmlFor: string;
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={htmlFor} className="text-sm font-semibold text-slate-800">
        {label}
      </label>
      {children}
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
    </div>
  );
}

/** A `<details>` whose summary reads as a small secondary button. */
export function Disclosure({
  summary,
  children,
  tone = "neutral",
}: {
  summary: ReactNode;
  children: ReactNode;
  tone?: "neutral" | "danger";
}) {
  return (
    <details className="group open:basis-full">
      <summary
        className={`inline-flex min-h-10 cursor-pointer list-none items-center rounded-lg border px-3 py-1.5 text-sm font-semibold ${
          tone === "danger"
            ? "border-red-300 text-red-800 hover:bg-red-50"
            : "border-slate-300 text-slate-800 hover:bg-slate-50"
        } group-open:bg-slate-100`}
      >
        {summary}
      </summary>
      <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-3">{children}</div>
    </details>
  );
}

/**
 * The code and number prefix of something new that files requests (a request kind, a
 * connection request type): both fixed once created, typed left to right.
 */
export function CodeAndPrefixFields({
  idPrefix,
  labels,
}: {
  idPrefix: string;
  labels: { code: string; codeHint: string; prefix: string; prefixHint: string };
}) {
  return (
    <div className="grid grid-cols-1 gap-4 @md:grid-cols-2">
      <Field
        id={`${idPrefix}-code`}
        name="code"
        label={labels.code}
        hint={labels.codeHint}
        required
        maxLength={40}
        dir="ltr"
        autoComplete="off"
      />
      <Field
        id={`${idPrefix}-prefix`}
        name="numberPrefix"
        label={labels.prefix}
        hint={labels.prefixHint}
        required
        maxLength={5}
        dir="ltr"
        autoComplete="off"
      />
    </div>
  );
}
