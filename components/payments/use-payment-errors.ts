"use client";

import { useTranslations } from "next-intl";

/**
 * The payment forms' error keys in the reader's language: the payments catalogue first (it
 * says precisely what is wrong with a bill or an amount), then the shared error and field
 * messages, never a raw key.
 */
export function usePaymentErrors() {
  const tp = useTranslations("payments.errors");
  const te = useTranslations("errors");
  const tv = useTranslations("validation");
  const one = (key: string | undefined): string | undefined => {
    if (!key) return undefined;
    if (tp.has(key as never)) return tp(key as never);
    if (te.has(key as never)) return te(key as never);
    if (tv.has(key as never)) return tv(key as never);
    return tv("invalid");
  };
  return (state: { status: string; formError?: string; fields?: Record<string, string> }) => {
    if (state.status !== "error") return [];
    const fields = Object.values(state.fields ?? {}).map(one);
    const form = one(state.formError);
    return [
      ...new Set([
        ...(fields.length && state.formError === "VALIDATION_FAILED" ? [] : [form]),
        ...fields,
      ]),
    ].filter((m): m is string => Boolean(m));
  };
}
