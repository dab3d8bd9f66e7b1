"use client";

import { useTranslations } from "next-intl";

/**
 * Server actions answer with keys, not sentences: `validation.<key>` for a field, `errors.<code>`
 * for the form. These put them in the reader's language, with a generic message for a key the
 * catalogues do not know (never the raw key).
 */
export function useErrorMessages() {
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  return {
    field: (key: string | undefined): string | undefined =>
      key ? (tv.has(key as never) ? tv(key as never) : tv("invalid")) : undefined,
    form: (code: string | undefined): string | undefined =>
      code ? (te.has(code as never) ? te(code as never) : te("INTERNAL")) : undefined,
  };
}
